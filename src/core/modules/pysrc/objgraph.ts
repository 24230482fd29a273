// Python source of RefScope's objgraph module: objgraph 3.x's API and output formats (the
// functions, their parameters and defaults, the printed tables and the "Graph written to ..."
// lines), written for this interpreter. The graph walk itself is native (`_graph`, see
// inspect/graph.ts) so that the editor draws the same graph.

export const OBJGRAPH_SRC = String.raw`
"""Draws Python object reference graphs (objgraph's API, inside RefScope)."""

import gc
import sys
import operator
import itertools
import collections

__author__ = "RefScope"
__version__ = '3.6.2'

_ModuleType = type(sys)


def _isinstance(object, classinfo):
    return issubclass(type(object), classinfo)


def _short_typename(obj):
    return type(obj).__name__


def _long_typename(obj):
    objtype = type(obj)
    name = objtype.__name__
    module = getattr(objtype, '__module__', None)
    if module:
        return '%s.%s' % (module, name)
    return name


def count(typename, objects=None):
    if objects is None:
        objects = gc.get_objects()
    try:
        if '.' in typename:
            return sum(1 for o in objects if _long_typename(o) == typename)
        return sum(1 for o in objects if _short_typename(o) == typename)
    finally:
        del objects


def typestats(objects=None, shortnames=True, filter=None):
    if objects is None:
        objects = gc.get_objects()
    try:
        name_of = _short_typename if shortnames else _long_typename
        stats = {}
        for o in objects:
            if filter and not filter(o):
                continue
            n = name_of(o)
            stats[n] = stats.get(n, 0) + 1
        return stats
    finally:
        del objects


def most_common_types(limit=10, objects=None, shortnames=True, filter=None):
    stats = sorted(typestats(objects, shortnames=shortnames, filter=filter).items(),
                   key=operator.itemgetter(1), reverse=True)
    if limit:
        stats = stats[:limit]
    return stats


def show_most_common_types(limit=10, objects=None, shortnames=True, file=None, filter=None):
    if file is None:
        file = sys.stdout
    stats = most_common_types(limit, objects, shortnames=shortnames, filter=filter)
    width = max(len(name) for name, n in stats)
    for name, n in stats:
        file.write('%-*s %i\n' % (width, name, n))


def growth(limit=10, peak_stats={}, shortnames=True, filter=None):
    gc.collect()
    stats = typestats(shortnames=shortnames, filter=filter)
    deltas = {}
    for name, n in stats.items():
        old = peak_stats.get(name, 0)
        if n > old:
            deltas[name] = n - old
            peak_stats[name] = n
    deltas = sorted(deltas.items(), key=operator.itemgetter(1), reverse=True)
    if limit:
        deltas = deltas[:limit]
    return [(name, stats[name], delta) for name, delta in deltas]


def show_growth(limit=10, peak_stats=None, shortnames=True, file=None, filter=None):
    if peak_stats is None:
        result = growth(limit, shortnames=shortnames, filter=filter)
    else:
        result = growth(limit, peak_stats, shortnames, filter)
    if result:
        if file is None:
            file = sys.stdout
        width = max(len(name) for name, _, _ in result)
        for name, n, delta in result:
            file.write('%-*s%9d %+9d\n' % (width, name, n, delta))


def get_new_ids(skip_update=False, limit=10, sortby='deltas', shortnames=None, file=None, _state={}):
    if not _state:
        _state['old'] = collections.defaultdict(set)
        _state['current'] = collections.defaultdict(set)
        _state['new'] = collections.defaultdict(set)
        _state['shortnames'] = True
    new_ids = _state['new']
    if skip_update:
        return new_ids
    old_ids = _state['old']
    current_ids = _state['current']
    if shortnames is None:
        shortnames = _state['shortnames']
    else:
        _state['shortnames'] = shortnames
    gc.collect()
    objects = gc.get_objects()
    for name in old_ids:
        old_ids[name].clear()
    for name, ids in current_ids.items():
        old_ids[name].update(ids)
    for name in current_ids:
        current_ids[name].clear()
    for o in objects:
        name = _short_typename(o) if shortnames else _long_typename(o)
        current_ids[name].add(id(o))
    for name in new_ids:
        new_ids[name].clear()
    rows = []
    gone = []
    for name in current_ids:
        n_old = len(old_ids[name])
        n_current = len(current_ids[name])
        if n_old == 0 and n_current == 0:
            gone.append(name)
            continue
        fresh = current_ids[name] - old_ids[name]
        new_ids[name].update(fresh)
        rows.append((name, n_old, n_current, len(fresh), n_current - n_old))
    for name in gone:
        del old_ids[name]
        del current_ids[name]
        del new_ids[name]
    column = {'old': 1, 'current': 2, 'new': 3, 'deltas': 4}[sortby]
    rows.sort(key=operator.itemgetter(column, 0), reverse=True)
    if limit is not None:
        rows = rows[:limit]
    if not rows:
        return new_ids
    if file is None:
        file = sys.stdout
    width = max(len(row[0]) for row in rows)
    print('=' * (width + 13 * 4), file=file)
    print('%-*s%13s%13s%13s%13s' % (width, 'Type', 'Old_ids', 'Current_ids', 'New_ids', 'Count_Deltas'), file=file)
    print('=' * (width + 13 * 4), file=file)
    for name, n_old, n_current, n_new, delta in rows:
        print('%-*s%13d%13d%+13d%+13d' % (width, name, n_old, n_current, n_new, delta), file=file)
    print('=' * (width + 13 * 4), file=file)
    return new_ids


def get_leaking_objects(objects=None):
    if objects is None:
        gc.collect()
        objects = gc.get_objects()
    try:
        ids = set(id(i) for i in objects)
        for i in objects:
            ids.difference_update(id(j) for j in gc.get_referents(i))
        return [i for i in objects if id(i) in ids]
    finally:
        del objects


def by_type(typename, objects=None):
    if objects is None:
        objects = gc.get_objects()
    try:
        if '.' in typename:
            return [o for o in objects if _long_typename(o) == typename]
        return [o for o in objects if _short_typename(o) == typename]
    finally:
        del objects


def at(addr):
    for o in gc.get_objects():
        if id(o) == addr:
            return o
    return None


def at_addrs(address_set):
    res = []
    for o in gc.get_objects():
        if id(o) in address_set:
            res.append(o)
    return res


def is_proper_module(obj):
    return _isinstance(obj, _ModuleType) and obj is sys.modules.get(getattr(obj, '__name__', None))


def _find_chain(obj, predicate, edge_func, max_depth=20, extra_ignore=()):
    # breadth first from obj; the search's own containers are not part of the answer
    queue = [obj]
    depth = {id(obj): 0}
    parent = {id(obj): None}
    ignore = set(extra_ignore)
    ignore.add(id(extra_ignore))
    ignore.add(id(queue))
    ignore.add(id(depth))
    ignore.add(id(parent))
    ignore.add(id(ignore))
    gc.collect()
    while queue:
        target = queue.pop(0)
        if predicate(target):
            chain = [target]
            while parent[id(target)] is not None:
                target = parent[id(target)]
                chain.append(target)
            return chain
        level = depth[id(target)]
        if level < max_depth:
            neighbours = edge_func(target)
            ignore.add(id(neighbours))
            for source in neighbours:
                if id(source) in ignore:
                    continue
                if id(source) not in depth:
                    depth[id(source)] = level + 1
                    parent[id(source)] = target
                    queue.append(source)
            del neighbours
    return [obj]


def find_ref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    return _find_chain(obj, predicate, gc.get_referents, max_depth=max_depth, extra_ignore=extra_ignore)[::-1]


def find_backref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    return _find_chain(obj, predicate, gc.get_referrers, max_depth=max_depth, extra_ignore=extra_ignore)


def _show_graph(objs, direction, max_depth, extra_ignore, filter, too_many, highlight, filename,
                extra_info, refcounts, shortnames, output, extra_node_attrs, kind):
    if not _isinstance(objs, (list, tuple)):
        objs = [objs]
    if filename and output:
        raise ValueError('Cannot specify both output and filename.')
    dot, nodes, dot_filename, image = _graph(objs, direction, max_depth, extra_ignore, filter, too_many,
                                      highlight, extra_info, refcounts, shortnames,
                                      extra_node_attrs, filename, kind, output is not None)
    if output:
        output.write(dot)
        return
    print("Graph written to %s (%d nodes)" % (dot_filename, nodes))
    if filename == dot_filename:
        return
    # what objgraph prints when Graphviz is not installed: RefScope draws the graph itself
    if not filename:
        print("Graph viewer (xdot) and image renderer (dot) not found, not doing anything else")
    elif image:
        print("Image generated as %s" % filename)
    else:
        print("Image renderer (dot) not found, not doing anything else")


def show_backrefs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
                  highlight=None, filename=None, extra_info=None,
                  refcounts=False, shortnames=True, output=None,
                  extra_node_attrs=None):
    return _show_graph(objs, 'backrefs', max_depth, extra_ignore, filter, too_many, highlight,
                       filename, extra_info, refcounts, shortnames, output, extra_node_attrs,
                       'show_backrefs')


def show_refs(objs, max_depth=3, extra_ignore=(), filter=None, too_many=10,
              highlight=None, filename=None, extra_info=None,
              refcounts=False, shortnames=True, output=None,
              extra_node_attrs=None):
    return _show_graph(objs, 'refs', max_depth, extra_ignore, filter, too_many, highlight,
                       filename, extra_info, refcounts, shortnames, output, extra_node_attrs,
                       'show_refs')


def show_chain(*chains, **kw):
    backrefs = kw.pop('backrefs', True)
    chains = [chain for chain in chains if chain]
    ids = set(map(id, itertools.chain(*chains)))

    def in_chains(x, ids=ids):
        return id(x) in ids

    max_depth = max(map(len, chains)) - 1
    if backrefs:
        show_backrefs([chain[-1] for chain in chains], max_depth=max_depth, filter=in_chains, **kw)
    else:
        show_refs([chain[0] for chain in chains], max_depth=max_depth, filter=in_chains, **kw)
`;
