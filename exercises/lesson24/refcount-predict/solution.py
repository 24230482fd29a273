# refscope-exercise: lesson24/refcount-predict
ANSWERS = {
    1: [3, 2],
    2: [5, 4],
    3: [3, 2],
    4: [5],
}
