foo(
  a b
