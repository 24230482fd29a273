x = (
  a
  b
)
