import threading


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.lock = threading.Lock()

    def deposit(self, amount):
        with self.lock:
            self.balance += amount

    def withdraw(self, amount):
        with self.lock:
            if amount > self.balance:
                return False
            self.balance -= amount
            return True


def spender(account, times):
    for _ in range(times):
        account.deposit(10)
        account.withdraw(5)


if __name__ == "__main__":
    acct = Account("alice", 100)
    workers = [threading.Thread(target=spender, args=(acct, 1000)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(f"{acct.owner}'s final balance: {acct.balance}")
    print("expected:", 100 + 4 * 1000 * 5)
