"""The peak resident set size of this process."""


def peak_rss_kb():
    """VmHWM from /proc/self/status in KiB, which (unlike getrusage's
    ru_maxrss) starts afresh at exec, so it does not include the memory of the
    process that started this one; -1 where /proc is missing."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1
