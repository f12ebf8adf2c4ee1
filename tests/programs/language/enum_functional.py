from enum import Enum, IntEnum, Flag
Color = Enum("Color", "RED GREEN BLUE")
Shape = Enum("Shape", ["CIRCLE", "SQUARE"])
Level = IntEnum("Level", [("LOW", 10), ("HIGH", 20)])
Perm = Flag("Perm", "R W X")
Animal = Enum("Animal", {"CAT": "meow", "DOG": "woof"})
Num = Enum("Num", "ONE, TWO", start=0)
print(list(Color), Shape.SQUARE, Level.HIGH + 1, Perm.R | Perm.X, Animal("woof"), list(Num))
print(Color, Color.RED.value, Color["BLUE"], type(Shape.CIRCLE), len(Animal))
for bad in (lambda: Enum(), lambda: Enum("X"), lambda: Color()):
    try:
        bad()
    except TypeError as e:
        print(e)
