import threading


def remind(message):
    print("Reminder:", message)


def never():
    print("this should not print")


tea = threading.Timer(0.2, remind, args=("the tea is ready",))
spam = threading.Timer(0.5, never)
tea.start()
spam.start()
print("Timers started")
spam.cancel()
print("Second timer cancelled")
tea.join()
spam.join()
print("tea timer alive after join:", tea.is_alive())
print("Main thread done")
