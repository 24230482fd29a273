// Python source of string.Formatter (CPython 3.11's Lib/string.py): str.format's machinery as
// overridable methods (parse, get_field, get_value, convert_field, format_field,
// check_unused_args), over _string's parsers (string_formatter.ts). Run into the string module.

export const FORMATTER_SRC = String.raw`
#@21
import _string


#@188
class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):

#@207
            if literal_text:
                result.append(literal_text)

#@211
            if field_name is not None:
                # numbering: '' takes the next automatic index, digits switch it off
#@216
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
#@230
                    auto_arg_index = False

#@234
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)

#@238
                obj = self.convert_field(obj, conversion)

                # the spec may hold fields of its own
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth-1,
                    auto_arg_index=auto_arg_index)

#@247
                result.append(self.format_field(obj, format_spec))

        return ''.join(result), auto_arg_index

#@252
    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

#@259
    def check_unused_args(self, used_args, args, kwargs):
        pass

#@263
    def format_field(self, value, format_spec):
        return format(value, format_spec)

#@267
    def convert_field(self, value, conversion):
#@269
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    # (literal_text, field_name, format_spec, conversion) tuples
#@287
    def parse(self, format_string):
        return _string.formatter_parser(format_string)

    # the object field_name ("0.name", "lookup[3]") refers to, and the argument it came from
#@296
    def get_field(self, field_name, args, kwargs):
        first, rest = _string.formatter_field_name_split(field_name)

        obj = self.get_value(first, args, kwargs)

#@303
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]

        return obj, first
`;
