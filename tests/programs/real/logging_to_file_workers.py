import logging
import threading
import time

logging.basicConfig(
    filename="workers.log",
    filemode="w",
    level=logging.DEBUG,
    format="%(levelname)-7s %(threadName)s: %(message)s",
)
logger = logging.getLogger(__name__)


def worker(job_id, duration):
    logger.debug("job %d starting", job_id)
    time.sleep(duration)
    if duration > 0.02:
        logger.warning("job %d was slow (%.2fs)", job_id, duration)
    logger.info("job %d finished", job_id)


jobs = [(1, 0.01), (2, 0.03), (3, 0.02)]
for job_id, duration in jobs:
    t = threading.Thread(target=worker, args=(job_id, duration), name=f"Job-{job_id}")
    t.start()
    t.join()

logging.shutdown()
with open("workers.log") as f:
    lines = f.read().splitlines()
print(f"log has {len(lines)} lines")
for line in lines:
    print("  " + line)
warnings_only = [line for line in lines if line.startswith("WARNING")]
print("warnings:", len(warnings_only))
