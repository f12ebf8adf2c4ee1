import random
import threading
import time


def make_matrix(rows, cols):
    return [[random.randint(0, 9) for _ in range(cols)] for _ in range(rows)]


def row_sum(matrix, i, out):
    out[i] = sum(matrix[i])


def main():
    random.seed(10)
    matrix = make_matrix(4, 6)
    for row in matrix:
        print(" ".join(str(x) for x in row))
    sums = [0] * len(matrix)
    start = time.time()
    threads = [threading.Thread(target=row_sum, args=(matrix, i, sums))
               for i in range(len(matrix))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("row sums:", sums)
    print("total:", sum(sums))
    print(f"computed in {time.time() - start:.4f} seconds")


if __name__ == "__main__":
    main()
