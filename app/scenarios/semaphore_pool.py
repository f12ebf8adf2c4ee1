# title: Semaphore: at most N threads at once
# idea: Three threads run the lesson's query_database(), but the semaphore lets at most two hold a connection at the same time.
# explain: A Semaphore counts free permits, like parking spots: acquire() takes one and blocks while there are none left; release() gives one back and wakes a waiting thread. Semaphore(2) lets two queries run together, while a third thread waits in acquire() until one of them leaves the `with` block (and a newcomer may grab the freed permit first). The placeholder get_connection() records how many connections are in use each time one is handed out, and peak is the most ever seen: 2 is reachable, 3 never. Real CPython prints "most connections in use at once: 1", because each query finishes before the next thread even starts.
# challenge: Get two queries holding connections at the same time (peak == 2). Then try to squeeze in the third thread: it stays blocked in acquire().
# goal: peak == 2
# order: 50
# primitive: Semaphore
# difficulty: medium
# lesson: A `Semaphore(n)` lets at most n threads past `acquire()` at the same time.

import threading

in_use = []  # one entry per connection currently handed out
seen = []    # len(in_use) each time a connection was handed out
peak = 0

def get_connection():
    in_use.append(1)
    seen.append(len(in_use))
    connection = threading.local()
    connection.execute = lambda query: "rows for " + query
    return connection

def release_connection(connection):
    in_use.pop()

# Allow 2 concurrent database connections
db_semaphore = threading.Semaphore(2)

def query_database(query):
    with db_semaphore:
        connection = get_connection()
        try:
            return connection.execute(query)
        finally:
            release_connection(connection)

threads = [threading.Thread(target=query_database, args=(f"query {i}",)) for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
peak = max(seen)
print("most connections in use at once:", peak)
