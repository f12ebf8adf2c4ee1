import concurrent.futures
import time


def task(name, seconds):
    time.sleep(seconds)
    return f"{name} slept {seconds}s"


jobs = {"slow": 0.3, "fast": 0.1, "medium": 0.2}

with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
    future_to_name = {executor.submit(task, name, secs): name for name, secs in jobs.items()}
    for future in concurrent.futures.as_completed(future_to_name):
        name = future_to_name[future]
        try:
            print(future.result())
        except Exception as exc:
            print(f"{name} generated an exception: {exc}")

print("all jobs finished")
