// LineEditor is written and tested for Linux only: it calls Glibc (`poll`, `readdir` with
// `d_type`, `nl_langinfo`) and the libedit of Debian and Ubuntu (`libedit-dev`). See README.md,
// "Platforms".
#if !os(Linux)
  #error("LineEditor is written and tested for Linux only (Glibc, libedit); see README.md, 'Platforms'")
#endif
