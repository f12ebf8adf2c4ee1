import statistics
from statistics import mean, median, stdev
times = [0.12, 0.5, 0.33, 0.21]
print(mean(times), median(times), round(stdev(times), 6), statistics.pstdev([1, 2, 3]))
print(mean([1, 2, 3, 4]), statistics.mode(["a", "b", "a"]), statistics.median_low([1, 3, 5, 7]), statistics.variance(x * 2 for x in range(5)))
print(statistics.fmean([1, 2]), statistics.multimode("aabbc"))
try:
    mean([])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
try:
    mean([])
except ValueError as e:
    print("ValueError:", e)
