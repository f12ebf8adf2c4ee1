import threading


class ConfigError(Exception):
    pass


class ParseError(ValueError):
    def __init__(self, line, text):
        self.line = line
        self.text = text


class Quiet(Exception):
    def __init__(self):
        super().__init__()


failures = []


def load(n):
    try:
        if n == 0:
            raise ConfigError
        if n == 1:
            raise ConfigError("missing key", "port")
        if n == 2:
            raise ParseError(12, "x = = 1")
        raise Quiet()
    except Exception as e:
        failures.append((n, e))


threads = [threading.Thread(target=load, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
    t.join()
for n, e in failures:
    print(n, type(e).__name__, repr(e), str(e), e.args)
pe = failures[2][1]
print(pe.line, pe.text, isinstance(pe, ValueError))
print(repr(ConfigError()), str(ConfigError("a")), ConfigError("a", 1))
