import threading
import time

balance = 100


def withdraw(amount):
    global balance
    if balance >= amount:
        # simulate a slow bank: another thread gets in here
        time.sleep(0.01)
        balance -= amount
        print(f"withdrew {amount}, balance now {balance}")
    else:
        print(f"refused {amount}")


t1 = threading.Thread(target=withdraw, args=(80,))
t2 = threading.Thread(target=withdraw, args=(70,))
t1.start()
t2.start()
t1.join()
t2.join()
print("final balance:", balance)
if balance < 0:
    print("overdrawn! the check and the withdrawal were not atomic")
