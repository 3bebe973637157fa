# KFORGE_SANITIZE: everything in this build dir (our code and its tests) is
# built with AddressSanitizer and UndefinedBehaviorSanitizer. A UBSan finding
# aborts (-fno-sanitize-recover) so a test or fuzz run that hits one fails
# instead of printing a line nobody reads.
#
# KFORGE_FUZZ: additionally builds the libFuzzer targets under fuzz/. The code
# they call is compiled with fuzzer-no-link (coverage feedback without
# libFuzzer's main), so the same build dir serves the sanitized unit tests and
# the fuzzers and CI compiles core once for both.
option(KFORGE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(KFORGE_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang; implies KFORGE_SANITIZE)" OFF)

if(KFORGE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "KFORGE_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
  endif()
  set(KFORGE_SANITIZE ON CACHE BOOL "" FORCE)
endif()

if(KFORGE_SANITIZE)
  # -O1 and frame pointers: ASan's recommended trade between speed and usable
  # stack traces; line tables only, so the build stays small.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
  if(KFORGE_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
endif()
