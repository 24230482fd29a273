# lesson 24, E10/E11: objgraph on two lists that refer to each other
import io
import objgraph

a = [1, 2, 3]
b = [4, 5, 6]

a.append(b)
b.append(a)

out = io.StringIO()
objgraph.show_refs([a], output=out)
print(out.getvalue(), end='')
out = io.StringIO()
objgraph.show_backrefs([a], output=out)
print(out.getvalue(), end='')
