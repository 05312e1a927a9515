#include <stdio.h>

int main(void) {
    unsigned long long f = 1;
    for (int i = 2; i <= 20; i++) f *= (unsigned long long) i;
    printf("native: 20! = %llu\n", f);
    return 0;
}
