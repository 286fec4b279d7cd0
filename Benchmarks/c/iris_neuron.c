/*
 * Reference: the Iris sigmoid neuron trained to convergence, written the way a
 * C programmer would (plain loops, libm exp, no intrinsics, no fast-math).
 *
 *   while ||theta - theta_prev|| > threshold:
 *       theta_prev = theta
 *       theta = theta_prev + step * mean_i((y_i - sigmoid(x_i . theta)) * x_i)
 *
 * Usage: iris_neuron IRIS.csv
 * The CSV holds "sepal_length,sepal_width,label" rows after a header line.
 * Prints one JSON object: iterations, theta, training seconds, peak RSS (KiB).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { MAX_ROWS = 1024, FEATURES = 3 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The peak resident set size in KiB: VmHWM from /proc/self/status, which
 * (unlike getrusage's ru_maxrss) starts afresh at exec, so it does not
 * include the memory of the process that started this one. -1 if unknown. */
static long peak_rss_kb(void) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
    fclose(f);
    return kb;
}

/* Reads the CSV into row-major X (with a bias column of ones) and y. */
static int load(const char *path, double x[][FEATURES], double y[]) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(1); }
    char header[256];
    if (!fgets(header, sizeof header, f)) { fprintf(stderr, "%s: empty\n", path); exit(1); }
    int n = 0;
    double a, b, label;
    while (n < MAX_ROWS && fscanf(f, "%lf,%lf,%lf", &a, &b, &label) == 3) {
        x[n][0] = a; x[n][1] = b; x[n][2] = 1.0; y[n] = label;
        n++;
    }
    fclose(f);
    if (n == 0) { fprintf(stderr, "%s: no rows\n", path); exit(1); }
    return n;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s IRIS.csv\n", argv[0]); return 2; }
    static double x[MAX_ROWS][FEATURES], y[MAX_ROWS];
    int n = load(argv[1], x, y);

    const double step = 0.1, threshold = 5e-5;
    double theta[FEATURES] = {1.0, 1.0, 1.0}, prev[FEATURES] = {0.0, 0.0, 0.0};
    long iterations = 0;

    double start = now();
    for (;;) {
        double d2 = 0.0;
        for (int j = 0; j < FEATURES; j++) d2 += (theta[j] - prev[j]) * (theta[j] - prev[j]);
        if (!(sqrt(d2) > threshold)) break;

        double grad[FEATURES] = {0.0, 0.0, 0.0};
        for (int i = 0; i < n; i++) {
            double z = 0.0;
            for (int j = 0; j < FEATURES; j++) z += x[i][j] * theta[j];
            double r = y[i] - 1.0 / (1.0 + exp(-z));
            for (int j = 0; j < FEATURES; j++) grad[j] += r * x[i][j];
        }
        for (int j = 0; j < FEATURES; j++) {
            prev[j] = theta[j];
            theta[j] = prev[j] + step * (grad[j] / n);
        }
        iterations++;
    }
    double seconds = now() - start;

    printf("{\"implementation\": \"C\", \"iterations\": %ld, \"theta\": [%.17g, %.17g, %.17g], "
           "\"seconds\": %.6f, \"maxrss_kb\": %ld}\n",
           iterations, theta[0], theta[1], theta[2], seconds, peak_rss_kb());
    return 0;
}
