/* Baseline for the tokenizer benchmark: read the file in 1 MiB chunks and count segment terminators
   with memchr. The Swift SegmentReader is measured against this on the same file in the same run. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: memchr_baseline FILE\n"); return 2; }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) { perror(argv[1]); return 2; }
    static char buffer[1 << 20];
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long long bytes = 0, count = 0;
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) {
        bytes += n;
        const char *p = buffer, *stop = buffer + n;
        while ((p = memchr(p, '~', (size_t)(stop - p))) != NULL) { count++; p++; }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    double mb = bytes / 1048576.0;
    printf("C memchr baseline %s: %.0f MB in %.3f s = %.0f MB/s, %lld terminators\n", argv[1], mb, seconds, mb / seconds, count);
    return 0;
}
