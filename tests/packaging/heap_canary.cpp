// Self-test of check_no_heap.sh: a library that allocates and throws on purpose. The check must
// fail on it and name every one of these references; if it does not, the check proves nothing.
#include <cstddef>
#include <cstdlib>
#include <vector>

namespace petrel_canary {

int* make_int() { return new int(1); }
void drop_int(int* p) { delete p; }
void* raw_alloc(size_t n) { return std::malloc(n); }
void raw_free(void* p) { std::free(p); }
void fail_hard() { throw 42; }
int checked_get(const std::vector<int>& v, size_t i) { return v.at(i); }
struct Seeded {
  Seeded() : m_n(std::rand()) {}
  int m_n;
};
int seeded() {
  static Seeded s;  // dynamically initialized: a guarded function-local static
  return s.m_n;
}

}  // namespace petrel_canary
