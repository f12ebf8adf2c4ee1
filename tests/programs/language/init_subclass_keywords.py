class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls


class Upper(Plugin, name="upper", priority=2):
    pass


class Reverse(Plugin):
    pass


class Shout(Upper, priority=5):
    pass


print(sorted(Plugin.registry), Upper.plugin_name, Upper.priority, Shout.plugin_name,
      Shout.priority, Reverse.priority)
try:
    class Bad(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class Plain(flavour=1):
        pass
except TypeError as e:
    print("TypeError", e)
