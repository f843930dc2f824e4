// Span<T>: a pointer and a length, modelled on bssl::Span (C++17 has no std::span).
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_UTIL_SPAN_H
#define PETREL_CRYPTO_UTIL_SPAN_H

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace petrel {

template <typename T>
class Span final {
 public:
  constexpr Span() noexcept : m_data(nullptr), m_size(0) {}
  constexpr Span(T* data, size_t size) noexcept : m_data(data), m_size(size) {}
  template <size_t N>
  constexpr Span(T (&array)[N]) noexcept : m_data(array), m_size(N) {}
  // Span<const T> from Span<T>.
  template <typename U,
            typename = std::enable_if_t<std::is_same_v<const U, T> && !std::is_same_v<U, T>>>
  constexpr Span(const Span<U>& other) noexcept : m_data(other.data()), m_size(other.size()) {}
  // From any contiguous container with data()/size() (std::vector, std::array, std::string).
  template <typename C, typename = decltype(std::declval<C&>().data()),
            typename = std::enable_if_t<
                std::is_convertible_v<decltype(std::declval<C&>().data()), T*> &&
                !std::is_same_v<std::decay_t<C>, Span>>>
  constexpr Span(C& container) noexcept : m_data(container.data()), m_size(container.size()) {}

  constexpr T* data() const noexcept { return m_data; }
  constexpr size_t size() const noexcept { return m_size; }
  constexpr bool empty() const noexcept { return m_size == 0; }
  constexpr T* begin() const noexcept { return m_data; }
  constexpr T* end() const noexcept { return m_data + m_size; }
  constexpr T& operator[](size_t i) const noexcept { return m_data[i]; }

  // Sub-spans are clamped to the span, never past its end.
  constexpr Span subspan(size_t pos, size_t len = SIZE_MAX) const noexcept {
    if (pos > m_size) {
      pos = m_size;
    }
    if (len > m_size - pos) {
      len = m_size - pos;
    }
    return Span(m_data + pos, len);
  }
  constexpr Span first(size_t len) const noexcept { return subspan(0, len); }

 private:
  T* m_data;
  size_t m_size;
};

using ByteView = Span<const uint8_t>;
using MutableBytes = Span<uint8_t>;

}  // namespace petrel

#endif  // PETREL_CRYPTO_UTIL_SPAN_H
