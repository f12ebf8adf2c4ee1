import threading
import time


def heartbeat():
    beats = 0
    while True:
        beats += 1
        print("heartbeat", beats)
        time.sleep(0.1)


def main():
    monitor = threading.Thread(target=heartbeat, daemon=True)
    monitor.start()
    time.sleep(0.35)
    print("main thread exiting; daemon?", monitor.daemon)


if __name__ == "__main__":
    main()
