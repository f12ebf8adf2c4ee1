import threading


def merge(left, right):
    result = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            result.append(left[i])
            i += 1
        else:
            result.append(right[j])
            j += 1
    result.extend(left[i:])
    result.extend(right[j:])
    return result


def merge_sort(data, results, index):
    if len(data) <= 1:
        results[index] = data
        return
    mid = len(data) // 2
    parts = [None, None]
    left = threading.Thread(target=merge_sort, args=(data[:mid], parts, 0))
    right = threading.Thread(target=merge_sort, args=(data[mid:], parts, 1))
    left.start()
    right.start()
    left.join()
    right.join()
    results[index] = merge(parts[0], parts[1])


if __name__ == "__main__":
    numbers = [38, 27, 43, 3, 9, 82, 10, 5]
    out = [None]
    merge_sort(numbers, out, 0)
    print("sorted:", out[0])
    print("threads used:", threading.active_count())
