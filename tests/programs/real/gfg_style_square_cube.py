# Python program to illustrate the concept
# of threading
# importing the threading module
import threading


def print_cube(num):
    """
    function to print cube of given num
    """
    print("Cube: {}".format(num * num * num))


def print_square(num):
    """
    function to print square of given num
    """
    print("Square: {}".format(num * num))


if __name__ == "__main__":
    # creating thread
    t1 = threading.Thread(target=print_square, args=(10,))
    t2 = threading.Thread(target=print_cube, args=(10,))

    # starting thread 1
    t1.start()
    # wait until thread 1 is completely executed
    t1.join()
    # starting thread 2
    t2.start()
    # wait until thread 2 is completely executed
    t2.join()

    # both threads completely executed
    print("Done!")
    print("Main thread name: {}".format(threading.current_thread().name))
    print(print_cube.__doc__.strip(), threading.main_thread() is threading.current_thread())
    print(threading.active_count(), [t.name for t in threading.enumerate()])
    print("ID of process running main program: {}".format(type(threading.get_ident()).__name__))
