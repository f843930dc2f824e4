// petrel speed rsa1024|rsa2048|rsa3072|rsa4096: RSA PKCS#1 v1.5 SHA-256 signatures (private
// operation: blinded CRT with verify-after-sign) and verifications (public operation, e = 65537)
// per second, as `openssl speed rsa2048` reports them. With -ops N: exactly N signatures and N
// verifications, then one line without timings, for guest instruction counting (run N and 2N and
// subtract). The keys are fixed test keys made with `openssl genrsa` (public: do not use them for
// anything else), and -ops mode draws the blinding values from an HMAC_DRBG with a fixed seed, so
// two runs execute the same instructions.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/rand/hmac_drbg.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/speed.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;

const char* const kCmd = "speed";

const char kKey1024[] =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIICWwIBAAKBgQCfFIzaYvYdTZsO8kZ8ZAHwanCj0hdNb+E4KXACzc3G70G5Edo3\n"
    "gn16pMZOC+kFYHt2/IJJv4oohaQPkztaiAl5ZOq8LKL9fJWEBsp4wi2kQxy43CPW\n"
    "FoLEAlgsBLZoMK7JDIrMlbMjYO6pEpZtVhD9TGZfsj0f5sy74RzPed5/GwIDAQAB\n"
    "AoGAIOXODyeiAANZiqi9vOGtqPtKGgbLfN8jM0sWd+35nSdDbzNq7knVCzTiMaey\n"
    "48LFJaEojHnI54JjoDjxcFJrqtSkefl57MhpgBWqCWiuOw9h3yiJ7Ne6eBTwGzsY\n"
    "pH+kvP1++xysvRsL+go4jNYi9o19OPXhJIVH2G9leA7yr7ECQQDLpSrLA72v56a0\n"
    "FvEXCTHhYytvnKuLMEeCMdzaGpR9ooiL1wqsNIPdxS70NS3ttXXvttXrAZBxqlUD\n"
    "8dUDTe+ZAkEAx/pcInqLGlNgteJVxQbfMEZz5bxjPG/JVSLjHl8DPLR7i3NQ9qm2\n"
    "bbPpVQ1EV/JrHV/p027RKemIcZQ8ssSk0wJAWJ1ov6rDEhZ1fgw1oNaJdBBZSFoe\n"
    "c5TwqQDVn7rNPtZJIMDUjhbUAt7ZDb9OWxAJX+RptbeaiTubfvnuvV9ekQJAR2e9\n"
    "CE6rZr4I1Uk5CP44KXuunISVBpp/0FeBs3GHrWBgkN2fNkRJMIjCMy1mjuSvnLCH\n"
    "xIhYRVfu8WdV+RtAIwJAWicC6vy5gF2gQu6/3rMUiOPKVhGLKbg8Y/xIb3b1Jzpt\n"
    "k1KF/vGspaInSBvFhRs3hSCpRQLOjxDqkRnXtlPdcA==\n"
    "-----END RSA PRIVATE KEY-----\n";
const char kKey2048[] =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAnj3eyKzfcf81RFqyQReui0TyJZNt98JQLY4x3ra24MboUat3\n"
    "JfO6hkBIh9lQt/9kMLlQtaggw1u7oBDyHAiuE7bH//LrmwFuxgMmroKeJWDQmu1x\n"
    "J3sZLjaJo5aYEaEIoKvxnTxzXFvhtPpL9fHfcSNW142VvzxTdEXF3YtO8/uR9nRx\n"
    "lnjo6SJWjXJ/00SC1SbOdHVslg8V5TcjiUpUWv2Pql6h5XmuGM3ekuKEJ/nFc9vG\n"
    "Rdj6SXNlsgggGWKikPdw9bxxDe4WBF+AikFdXVXo6RatcBGnkmbi7qgDjE9Z6wOz\n"
    "mhAouACsi87+r0/X9j8ihPyR2+CA7SvQ5Jsl8QIDAQABAoIBAAKVMpCikzVVb7tz\n"
    "UkViF0IMTJpAyDbG+fdrYqyenXio4Hf8SSoiOrc4H4LxoOnW6h4KOUs0wL+ljLf/\n"
    "rM74tIwrc6NdpfsyRFpIqQIITV/hbxg3Q8172rDsmJWmJqpjfyw9sDhzeRPO513E\n"
    "h9a+ZVnvtGo5ZDJCUB+lx6VugZn1eLNCOi/eDpesaIwfV/Pf6uZRzPO/Pn+ecVtv\n"
    "/NjHKJffp9PNz6SGRW16iU1+P4PVgGedCsMpkjlcFBmYIcwLCNwn1KrgAS0pzCq3\n"
    "nIQirsZMa+mXDCybS+ze52xWvGoBaAPqfpBHBeQBD35zuGtCMOHaGLaPF3zzQKbC\n"
    "fQ6l+8ECgYEA1RA1tV3CGl5h6hkNTxPsRrGw8ZP4dejRrckowPM789aWdpZToEXa\n"
    "fuXEHwFw1I6ULOKwLsyJjOvJJMIUpojOvck10QbUADTB1LhbwCTQV+7lTzu4a5JY\n"
    "psFH/7FLhHgtQ/y8J6Sc2zT0ATMC5CiDXQGNdIXsoYMSLjHL+s/7mjECgYEAviFz\n"
    "JRTzqgFSFo9+pTNEfCkJWtqMQFiQUpWUSutfjZOsvMyhysiFiyEJpqvsAe+yz1v6\n"
    "i5+U8pSINGvZeX4wsBlN/BU32oOIGw/J1uxXeunHSgZn13r6tFfijZBl38glfbRc\n"
    "dl6kR1uaWTn2kb51sToSmsS6su+NIOAMAzhJl8ECgYEAje/lh7Q1GbHkkrortpF0\n"
    "Jsg7M0Q7EfmOrbJDlv6y4scCp2+PuEawvza7x1gDXWa6aYh+jD6wJ5PwBK/SZ/rd\n"
    "l2sSkfR1iMmckuRaIw+jR+EbHASR3/+3VSePmlP3FgGlThRxGAu+fv2wy5e7BlnC\n"
    "4VOmc4jAUfxqQSHlXGnvmBECgYAlNy7upzc6o5+JwvSrKWnSU8X8/qJNRgiZ4aVx\n"
    "NLkzYSCCpBtXMgDRxtm4whYkGuMJK5vTEJ17Dg/LEwEygrzM+2cEXLLeFrjhcymy\n"
    "4/gLmw7jMnXI+81u13UE+Kq4LtkHzfH7SXMmdIu1w168EGfBFPjnSnKw66rYMIKp\n"
    "bq8ZAQKBgBqNNiIYpZjv68x8EzP/ORIloo+GwyqzEVqauz5KRy9mkGnxdUyXtJyu\n"
    "fIasPgsQo3StksFcsWmpTw93I36o4IZNkQsOFxBJFBUYqydmOEVtQPAYFUma8JAK\n"
    "k7Gbj3wqqH5a3n0/x/KRcmrvhP2oI8RR2ceJBujyOcAbzF80u5Uv\n"
    "-----END RSA PRIVATE KEY-----\n";
const char kKey3072[] =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIG5AIBAAKCAYEAs4L1IV3CNEYApehrxkPKEg6Fmmq+Z2yifGwXiuvfZH7QaAc+\n"
    "NJ/6c5yAL3iFRKK0vm14juQUVrQbDAnU1hX5WuocXh//ZCMKdiS8ENLDmgMuctzJ\n"
    "CcmOaGKSHMc3VP9dHBn9tDdSuX1jalyD8OBARgs8DgLz6KR00oEeg/3TReI9QUEW\n"
    "fmJ9ElnqGI5vzr6KV8Iw4n+G8C+NRjN44r6JlEczhmgehwlKcjy9y+iFC/6Q315A\n"
    "HDdmKnYPXU83NbGWukwMIkATsGugy+9yFjeDhr4kEx2+pQ2OqW6/f6Ih3NyOg/rt\n"
    "xxL/uymtFyAUhlb9yZ/u5K+pM4NC2b0NDz3KqFy1QM8kmXY9H/9q9WsRynR1ZZk1\n"
    "XW7GEsFeHaKKw3GB8fxs8QaQ2fC+48+cxA/eNqwaFSvQgXskaty/CvqUcAuzPP4l\n"
    "1u7+hP4dBS9B6WMvgogUR33g2y2OxOz5Z/eX4g8qsOyfFalvS/iPRq4IZJByGUxq\n"
    "2NRNpI6+IIIYED9fAgMBAAECggGAAq0UHHA6Ye8dOVvyp10BWS2QPlITDpWnAnXW\n"
    "EAMeLHBbiQF6ouwznp+ZpZuFWRWX3jLhlje+OeCreo12984SDpHo5FpTw1lmYYaA\n"
    "qzuJIPWlLp8t/BBeKB44EWfC4miAKdgVWSdt+0fsQHyqlt+w9ZpbRdYzbqds+mpk\n"
    "WxFgoe0SfrOKs02ikbB3dfBBqHJcu5wwgF/oUhJTZ9WCmta+VFCPaxSIR/kSfAt9\n"
    "xNltilU8MahFCmalBkMGTZzNtOY105/CEehMXbEd7PGdA/uAboTZTeBNjl80pebv\n"
    "IYDj23dAtcLhkiNfx39b/iBImcsm+pBAOSkrvKceMRU9u2JHgEUOGHuBXYZ3f5FI\n"
    "8uObgwHr256j5ABljck1WsKBVVYAwsw6xBZQc0xd1KxkWoToTTHgCbUTXoStsMDj\n"
    "tepOwEtK/5Dv9cT7UgpD8TloFgFA2D3jbN7sWiYkUlgpKW3y8JMQlvAQM3rdXQmH\n"
    "yAE6kqlJauffrC79Q1PVf/SDH3CxAoHBAOQVbLeKEmXifPYvzuTNHgVA8DHOrDXH\n"
    "e9JZJpJSm+L70wABEqYbajOwsr5c0zt7pgzGOcZcY0PqKxF6lZIjH62Gae9RVkxg\n"
    "n5QSxMMM9K5HRaVaIRnjoOI0SnjfcItVnmJXC6qhI4h+ssUL6r1vb2QMOyD6j/Oc\n"
    "me3tgRweEeMeYD74QfX32OOJ/4SbJ2cFx816d72PsaPXNM9duGXqF9jqvNBLXv9T\n"
    "JxlT7dJ0m495NYJ6R8HngnQQ2ENvQfhj5wKBwQDJe52rmNk0IwzCvdBeFi1tPVCD\n"
    "WCExf3PDBI6X4mz9hHP6hOezdFSUiZ6CnVUvq7aqcsly20qy2ItIigxrBXlQHK8C\n"
    "dsViWkKdRmOYrJ3ds2Eh2hCweKhqyIUcBV7paa94VAEHOg1BgoVtk3m2o+LfrfWY\n"
    "+jTej53DyrLZG77rxOU9c0eGlN0LKKf8bPr1Tj85tWVQdIuxT/B/Qlj1tVzJd/kD\n"
    "TvAG3Df6Vc7oCZW8wlHDSf5kDKTZvE40llpt2ckCgcEAm41hD+vCkGne/6erWq/p\n"
    "gXvAVLe3CxZ5hAP5ImHknvFP/fi9VzvrOkWQIfP8u9ygaqXmUTpBGNhjdxA7YedC\n"
    "e33oUacPTBe5varvNndniFRjU1ocqSNtXdh70ePRRbWmxzrGYiBzs2t1UJ3IAlo1\n"
    "he4xhVRdSK/M60/Hdf2sBVF6Inf9xFq8OLKs6StHvCNdGO4lK8sMQ8lJ4wLv99Gn\n"
    "YfD1xLkimM+FIujykU2lqjvoGox60+uoNLAoThVa0KSRAoHBAKRg8fX5sdtTbSnE\n"
    "aqcYON+S0okV8Z7MeMl2gk9wL7N1yJlurQo/snGtBWFSsxk9Yr4VAD1wo7Td7mS0\n"
    "HAWEZcDyZeYAuHDRat+decwpqHIj0u8nVc5j4iOcjNyblR+hVcM55czbk80Ki4km\n"
    "dHqJoqMS7fhsyY16ZiBC0z9F37HC5bQIxSYLdXuRI9xRnT1dJUATuiC1tPJoYbGx\n"
    "k5qC6LyF4ObOFA3ExPa74x50E3H4p3RIff9qQWRSuQs2T3in4QKBwCEE8lazEvxE\n"
    "/UkwOx9XLe7CQ4fiJfU8yZ7Q/jZbO21TJyGQ1e5myHyzmL1QZR7JOecLy+VRU8VJ\n"
    "JFwUQMFF1bgftyIMK+1ejua2zWyKUCqwh4Ry0X7n8naGH9tEvNdmVC/FxbSkoA2w\n"
    "I70Q7q73ZKo/EY+9nhZJHUQqWrz+xs+KuYHklZk30J5Tw3/Q58vf/4pa2FuHuA0E\n"
    "lIrbnTg1YiQAzwmE8rKhAdO7fCUvagsdF7zk1qyrfSUV3K/2FdyC2A==\n"
    "-----END RSA PRIVATE KEY-----\n";
const char kKey4096[] =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIJKAIBAAKCAgEAvjbvt1SPwh0I8Hn0al1eIFkglWk085orycrZphcCLsY5M4aw\n"
    "2I/+qT43BpE9wwS+Vpzusx59HkoaxivDqv7rKwysKFDQZW5tZFS3jXoveJ5tZWjo\n"
    "dlo6dpwSqNcVUNra9X8lVMXc9yKBnjHevXDX87FRcixGc2kRKTfLFpeZs3HJLhsh\n"
    "PwoBjgIGwGEyZTjQ7utyb3PkJI7r9HdwlGlq/NzU4aUqH8UEHLob9lcp7aNfNsdH\n"
    "O/gn/w1FfYKrz1zI0pblbUQzyzw+ggAYHxTcGRZlFj2O3pAJZ5lzh8uXadp3fn0V\n"
    "dNy7DAPJunqaWQDroyN5a688IZ9f00MelrdeLLtxSXVimCZ8+nzUWYDNSLjJ6gex\n"
    "eeLx527FDZxGbiSUIxt7A7KW3ZwfkwpGQFdsugDH83ZOs7QY6fnjC2knfp1EhRmF\n"
    "AWlzJD2xFAUIXTkXyUT9xU3aMItrP9B80vb5gbVRHrdshxRlqcEpO1sGYnM7D1tM\n"
    "fBUoekVGp4bOjbJMirrZtZ7XZZxnr41TDxbVzZPLS0HO+mUyXpJQtAkFUCoxGjTE\n"
    "3J3+AdNuhmhby2+e/YWYqczDIYxFycexjsij9XNCiz+7NpqmVs6UAp0NBDSrQqV6\n"
    "XRkQPUH+IQVGGaFS3fizab2in5snEyND7+TfJmJuq54Pg0C47plz6/qRLqUCAwEA\n"
    "AQKCAgADHl52yIWk3pn/a1h1B/vbluqAWJ28Irp2EAPag8UO5EQa0qoCmvXHa5Q2\n"
    "YNo84M6IGAGX4TeW8AsZVa1bF9veNFJ8RLrt9s4HV5Y81RSDK0HK6FnrWtZbjHqH\n"
    "1yLr1PLDFKcViTryuFecst+ehoOb5Lvbnds32DCmVtpXD/w+o25zeZFlebIF1IWs\n"
    "0MslOrW+PRD+v80tRkSbGPw5CrNs2ugInQ8gPzguimSb+Njgow2UFddWpd5uAZcy\n"
    "lBpiB3jpbvzq+jPJML8rnXnHxK1JIgNdRnwZrQ3ia3Mn9lAQtbrA0acw58+PRl6f\n"
    "1pPCQtAaOCItAE4BlR3all6hhPcfyGC/sbLGK1gmnzolzmy3qQA4MN02GL6qadrY\n"
    "PMr1eqxB35JvqZRnNFHcQAB8N60XJR3s5YG6bWWH/cAEwSV+kIB0jyzwbymVnmSz\n"
    "x0TgsbT1aNenHsuJ0fii7JDYV9ZCbN/w/DVnXPAaei7fsQWzLq3r8wPtLVTKn/Fd\n"
    "VeIBWx8aakjiicSDBhc1P4WQiidPfDLLR+sAQWhcB8h36mm5LyL/MSjWDa7TLTZJ\n"
    "N+NGfIpUg/uSWlfU0Y8TAsEQWWYuwgtoipIDOj3XUWd7R+gcUGDKLPvV/WtbcIsG\n"
    "SRak5viLGIJaOyAsBebCoPOOSwvS1Q5ski8YB19djodzi9S08QKCAQEA60Mi+M1d\n"
    "Pfvgi/yOKrUdJ3fNnDj1DxkawuHGlAnikSHYMfDj5ZYljQVkqq9zGQBdgK5gEsBq\n"
    "nqVvBIwI+k876ZsntUl7NyjXyMHI7rgApIDNSl6qcGCIhaWXa6vvXfy5M6bL+hiR\n"
    "ZECZnWs+v3LEYYL4Y7rqBpHPwbvq4EDACyE3Nkkcc1G5c0ml3f1lQsOT10/M4jbI\n"
    "QwYkTepoAkpzFDizbLFFdFTWu//tSrpgZX46EdqG/voqQXRg/9htDfG9xI83D+lt\n"
    "vklFAMdTgfD9YvOs10VdVhrY1sFUTGJDDgja60QKPK0eVuDbjNVqp3DAD+NmtBjY\n"
    "xmA/DPm6bWbiHQKCAQEAzvtER9Fre6qvHVTeJA5ht7Utb05bnuSOIDYqpcrVwnHO\n"
    "HBgQyYhVukUMsZw6rnJcNna6emXq8fYv9ivillXEqxRxnJQ/DfPdrPdaV46sQUjt\n"
    "+DlhhM7sKOyi/CjxuunmIv4aABCEjo85SeXN73d0hfXikSaM34qlGO1s5ZvsHmxc\n"
    "Hx4pRm67JV6F4LJygJmjR29ZCWZcNNkXzljJ2clfritPCdOwSyn54k+kZCd2wftY\n"
    "SLe+C1QvTqfRadczfNzTrqkuyVvmGuNPNsvs1uBpVqLYNlHVaUsyK/2Vx1Imex6i\n"
    "bfBUEqwWodbT8tQx8nlE4HrrL9nJdV5NLSzdBkFYKQKCAQAO4wGsgro6uNx9ny6T\n"
    "z0AYBkGxd/0xxmHmIQlCxtlaW6zlhBu3pGed49B56H48/8Pq553WsexNO6Spwf6z\n"
    "cB4XayT5GLw+QkxdPL3tNSF9R1U2NoVMdR9ObasGOiv8Y4iIly5jFfjlQh02U9n1\n"
    "nVqF3RbAoMw8PC/MT4rOQ+qjCagHvFqbhXlZrThcsrMcpWmOf1M0oUjMzO+xKnsI\n"
    "YhOkHO5lm1YMxW2NGeW3C9IbugAMrypJqiTQXX/h0J0d+8UJUhKm5Bt4pgRCx1om\n"
    "Z8xw3YB7Yr1EPJCqDjO6XaFmmvLXXkfTjRTVZIcgA0UrcTwGBVqzXLsi2mZC+O5u\n"
    "C8uVAoIBAH3maQomYHLAx/PXg6f694V/NzvVNfXYoHsHd7mRP6UfBHgiS1PLEhpT\n"
    "lf0TQr6J4X1fit6Yz+iOD252E0XOteo6bUEJC7G4/MYRT2qi5jRv4BB1FtRp6Uyb\n"
    "ZCht31wKmmn+lmIjqf3tMLO6jSF0T/SMNFyGTnpLI1GeWfbweReoYgCrn/+vqzZ3\n"
    "4IdlBDElQyRYnpgRI1UiGFDzwRQwYXrX7SPVGA8gYVc/iodBWgN0l6bj3T2W34/A\n"
    "lKkEtdTlnf1H+6WPuM/yJGT4df/eUTTZqRqhfGanzsTjYw/y8GVDpRmqbflNpBad\n"
    "Th8O47LSAQtquVRJ7TjvO5KXD3qWlMECggEBANHgzPm4fqyrwN5A5ME/n9F+mz9l\n"
    "nlV9bi2KQtOSZQZVe263hNRVFwkfjHhbyc6+67m9n9vCYFPLP6TMiz6sOCziJqED\n"
    "GJATiu96cX7jBQDMO1gI3+ZnfjFmzWPPi6qCdHDG/y6bYB9+xt9cikAEoiUWJpmd\n"
    "JaOSlC47O8UbNPu9WB4xsir3WjbiAmlwHf/34cVCsToAeagAKE52PyaB2ljFDlIg\n"
    "ISvDrwxtFL+D9MkORBh0mAlDGLTHRrX28gYWxtiDpH40pRubdre1BmGzFaLSCxXw\n"
    "4Yxylj8jbH2tGc/WGyw6Y44uEvsD8R2fj9wSZKpbWb1oVDG6pw5hf9K9joQ=\n"
    "-----END RSA PRIVATE KEY-----\n";

struct RsaSpeedSpec {
  const char* name;
  size_t bits;
  const char* pem;
};
const RsaSpeedSpec kRsaSpecs[] = {{"rsa1024", 1024, kKey1024},
                                  {"rsa2048", 2048, kKey2048},
                                  {"rsa3072", 3072, kKey3072},
                                  {"rsa4096", 4096, kKey4096}};

// An HMAC_DRBG with a fixed, public seed: benchmark runs repeat exactly. Never for real keys.
// (Defined here rather than using the library's DrbgRng: the tool is built with RTTI and UBSan's
// vptr check would need typeinfo that the -fno-rtti library does not emit.)
class FixedDrbgRng final : public petrel::Rng {
 public:
  FixedDrbgRng() {
    uint8_t seed[48];
    for (size_t i = 0; i < sizeof(seed); i++) {
      seed[i] = static_cast<uint8_t>(0x5a ^ (i * 29));
    }
    m_ok = m_drbg.instantiate(ByteView(seed, 32), ByteView(seed + 32, 16), ByteView()) ==
           Status::ok;
  }
  Status generate(MutableBytes out) noexcept override {
    for (size_t done = 0; m_ok && done < out.size();) {
      size_t n = out.size() - done;
      if (n > petrel::HmacDrbg::kMaxRequestBytes) {
        n = petrel::HmacDrbg::kMaxRequestBytes;
      }
      if (m_drbg.generate(out.subspan(done, n)) != Status::ok) {
        return Status::rng_failure;
      }
      done += n;
    }
    return m_ok ? Status::ok : Status::rng_failure;
  }

 private:
  petrel::HmacDrbg m_drbg;
  bool m_ok = false;
};

}  // namespace

bool is_rsa_speed_name(const std::string& name) {
  for (const RsaSpeedSpec& s : kRsaSpecs) {
    if (name == s.name) {
      return true;
    }
  }
  return false;
}

int speed_rsa(const std::vector<std::string>& names, double seconds, bool have_ops, size_t ops) {
  struct Row {
    size_t bits;
    double sign_s;
    double verify_s;
  };
  std::vector<Row> rows;
  for (const std::string& name : names) {
    const RsaSpeedSpec* spec = nullptr;
    for (const RsaSpeedSpec& s : kRsaSpecs) {
      if (name == s.name) {
        spec = &s;
      }
    }
    if (spec == nullptr) {
      return fail(kCmd, "unknown RSA size '%s'", name.c_str());
    }
    auto key = new_private_key();
    const Status ls = petrel::rsa_private_key_load(
        key.get(), ByteView(reinterpret_cast<const uint8_t*>(spec->pem), std::strlen(spec->pem)));
    if (ls != Status::ok || key->bits() != spec->bits) {
      return fail(kCmd, "built-in %s key does not load: %s", spec->name, petrel::status_name(ls));
    }
    FixedDrbgRng det;
    petrel::Rng& rng = have_ops ? static_cast<petrel::Rng&>(det) : petrel::default_rng();
    uint8_t digest[32];
    if (petrel::hash(petrel::HashAlg::sha256, MutableBytes(digest, sizeof(digest)),
                     ByteView(reinterpret_cast<const uint8_t*>(spec->name),
                              std::strlen(spec->name))) != Status::ok) {
      return fail(kCmd, "hash failed");
    }
    const ByteView dv(digest, sizeof(digest));
    std::vector<uint8_t> sig(key->size());
    const MutableBytes sv(sig.data(), sig.size());
    auto sign = [&]() {
      return petrel::rsa_pkcs1_sign(sv, *key, petrel::HashAlg::sha256, dv, rng) == Status::ok;
    };
    auto verify = [&]() {
      return petrel::rsa_pkcs1_verify(key->public_key(), petrel::HashAlg::sha256, dv,
                                      ByteView(sig.data(), sig.size())) == Status::ok;
    };
    const SignVerifyLabels labels = {text_printf("%zu bits private rsa's", spec->bits),
                                     text_printf("%zu bits private RSA's", spec->bits),
                                     text_printf("%zu bits public rsa's", spec->bits),
                                     text_printf("%zu bits public RSA's", spec->bits)};
    double sign_s = 0;
    double verify_s = 0;
    const int rc = bench_sign_verify(kCmd, spec->name, seconds, have_ops, ops, labels, sign,
                                     verify, &sign_s, &verify_s);
    if (rc != kExitOk) {
      return rc;
    }
    if (have_ops) {
      std::printf("%s sign+verify ops=%zu last=%s\n", spec->name, ops,
                  to_hex(sig.data() + sig.size() - 8, 8).c_str());
      continue;
    }
    rows.push_back({spec->bits, sign_s, verify_s});
  }
  if (!have_ops) {
    print_sign_verify_header(18);
    for (const Row& r : rows) {
      print_sign_verify_row(0, text_printf("rsa %4zu bits ", r.bits), r.sign_s, r.verify_s);
    }
  }
  return kExitOk;
}

}  // namespace petrel_tool
