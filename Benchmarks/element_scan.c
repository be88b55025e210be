/* C baseline for Benchmarks/cli.sh: the least work any X12 reader must do. Reads the file in 1 MiB
   chunks, takes the element separator and segment terminator from the ISA (bytes 3 and 105), and counts
   every segment terminator and element separator in one pass over the bytes. The released `x12` commands
   are timed against this on the same file in the same run. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: element_scan FILE\n"); return 2; }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) { perror(argv[1]); return 2; }
    static unsigned char buffer[1 << 20];
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long long bytes = 0, segments = 0, elements = 0;
    unsigned char element = '*', terminator = '~';
    int first = 1;
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) {
        if (first && n >= 106 && memcmp(buffer, "ISA", 3) == 0) {
            element = buffer[3];
            terminator = buffer[105];
        }
        first = 0;
        bytes += n;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = buffer[i];
            segments += c == terminator;
            elements += c == element;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    double mb = bytes / 1e6;
    printf("%.1f MB %.3f s %.0f MB/s %lld segments %lld elements\n", mb, seconds, mb / seconds, segments, elements);
    return 0;
}
