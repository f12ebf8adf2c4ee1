from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
import math


class Shape(ABC):
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


shapes = [Circle(1), Rect(2, 3), Circle(0.5), Rect(1, 1)]
with ThreadPoolExecutor(max_workers=2) as pool:
    descriptions = list(pool.map(lambda s: s.describe(), shapes))
for d in descriptions:
    print(d)
print([s.name for s in sorted(shapes)])
print("shapes made:", Shape.count)
try:
    Shape("bad")
except TypeError as e:
    print("TypeError:", e)
