// Public names of the standard library modules RefScope provides that CPython 3.11's modules
// have and RefScope's lack (dir() of each module under python3.11 on Linux, less RefScope's).
// Reaching one (os.makedirs) is reported as not supported yet instead of an AttributeError that
// tells a learner Python has no such function.

const MISSING: Record<string, string> = {
  '_thread': 'exit exit_thread',
  'base64': 'a85decode a85encode b32decode b32encode b32hexdecode b32hexencode b85decode b85encode binascii decode encode main re struct test',
  'calendar': 'LocaleHTMLCalendar LocaleTextCalendar different_locale main',
  'codecs': 'BufferedIncrementalDecoder BufferedIncrementalEncoder Codec EncodedFile IncrementalDecoder IncrementalEncoder StreamReader StreamReaderWriter StreamRecoder StreamWriter ascii_decode ascii_encode backslashreplace_errors builtins charmap_build charmap_decode charmap_encode escape_decode escape_encode getincrementaldecoder getincrementalencoder getreader getwriter ignore_errors iterdecode iterencode latin_1_decode latin_1_encode lookup_error make_encoding_map make_identity_dict namereplace_errors raw_unicode_escape_decode raw_unicode_escape_encode readbuffer_encode register register_error replace_errors strict_errors sys unicode_escape_decode unicode_escape_encode unregister utf_16_be_decode utf_16_be_encode utf_16_decode utf_16_encode utf_16_ex_decode utf_16_le_decode utf_16_le_encode utf_32_be_decode utf_32_be_encode utf_32_decode utf_32_encode utf_32_ex_decode utf_32_le_decode utf_32_le_encode utf_7_decode utf_7_encode utf_8_decode utf_8_encode xmlcharrefreplace_errors',
  'collections.abc': 'AsyncGenerator AsyncIterable AsyncIterator Awaitable Coroutine',
  'contextlib': 'AbstractAsyncContextManager AsyncContextDecorator AsyncExitStack GenericAlias MethodType aclosing asynccontextmanager deque',
  'copy': 'dispatch_table',
  'dataclasses': 'FunctionType GenericAlias abc builtins functools inspect itertools keyword re types',
  'enum': 'CONTINUOUS DynamicClassAttribute EnumCheck MappingProxyType NAMED_FLAGS UNIQUE bltns global_enum global_enum_repr global_flag_repr global_str pickle_by_enum_name pickle_by_global_name property reduce sys verify',
  'fractions': 'Decimal math operator re sys',
  'functools': 'GenericAlias get_cache_token namedtuple recursive_repr',
  'hashlib': 'blake2b blake2s file_digest pbkdf2_hmac scrypt sha3_224 sha3_256 sha3_384 sha3_512 shake_128 shake_256',
  'io': 'BlockingIOError BufferedIOBase BufferedRWPair IOBase IncrementalNewlineDecoder RawIOBase TextIOBase abc open_code',
  'json': 'codecs decoder encoder scanner',
  'operator': 'call',
  'os': 'CLD_CONTINUED CLD_DUMPED CLD_EXITED CLD_KILLED CLD_STOPPED CLD_TRAPPED EFD_CLOEXEC EFD_NONBLOCK EFD_SEMAPHORE EX_CANTCREAT EX_CONFIG EX_DATAERR EX_IOERR EX_NOHOST EX_NOINPUT EX_NOPERM EX_NOUSER EX_OK EX_OSERR EX_OSFILE EX_PROTOCOL EX_SOFTWARE EX_TEMPFAIL EX_UNAVAILABLE EX_USAGE F_LOCK F_OK F_TEST F_TLOCK F_ULOCK GRND_NONBLOCK GRND_RANDOM GenericAlias MFD_ALLOW_SEALING MFD_CLOEXEC MFD_HUGETLB MFD_HUGE_16GB MFD_HUGE_16MB MFD_HUGE_1GB MFD_HUGE_1MB MFD_HUGE_256MB MFD_HUGE_2GB MFD_HUGE_2MB MFD_HUGE_32MB MFD_HUGE_512KB MFD_HUGE_512MB MFD_HUGE_64KB MFD_HUGE_8MB MFD_HUGE_MASK MFD_HUGE_SHIFT Mapping MutableMapping NGROUPS_MAX O_ACCMODE O_APPEND O_ASYNC O_CLOEXEC O_CREAT O_DIRECT O_DIRECTORY O_DSYNC O_EXCL O_FSYNC O_LARGEFILE O_NDELAY O_NOATIME O_NOCTTY O_NOFOLLOW O_NONBLOCK O_PATH O_RDONLY O_RDWR O_RSYNC O_SYNC O_TMPFILE O_TRUNC O_WRONLY POSIX_FADV_DONTNEED POSIX_FADV_NOREUSE POSIX_FADV_NORMAL POSIX_FADV_RANDOM POSIX_FADV_SEQUENTIAL POSIX_FADV_WILLNEED POSIX_SPAWN_CLOSE POSIX_SPAWN_DUP2 POSIX_SPAWN_OPEN PRIO_PGRP PRIO_PROCESS PRIO_USER P_ALL P_NOWAIT P_NOWAITO P_PGID P_PID P_PIDFD P_WAIT PathLike RTLD_DEEPBIND RTLD_GLOBAL RTLD_LAZY RTLD_LOCAL RTLD_NODELETE RTLD_NOLOAD RTLD_NOW RWF_APPEND RWF_DSYNC RWF_HIPRI RWF_NOWAIT RWF_SYNC R_OK SCHED_BATCH SCHED_FIFO SCHED_IDLE SCHED_OTHER SCHED_RESET_ON_FORK SCHED_RR SEEK_CUR SEEK_DATA SEEK_END SEEK_HOLE SEEK_SET SPLICE_F_MORE SPLICE_F_MOVE SPLICE_F_NONBLOCK ST_APPEND ST_MANDLOCK ST_NOATIME ST_NODEV ST_NODIRATIME ST_NOEXEC ST_NOSUID ST_RDONLY ST_RELATIME ST_SYNCHRONOUS ST_WRITE TMP_MAX WCONTINUED WCOREDUMP WEXITED WEXITSTATUS WIFCONTINUED WIFEXITED WIFSIGNALED WIFSTOPPED WNOHANG WNOWAIT WSTOPPED WSTOPSIG WTERMSIG WUNTRACED W_OK XATTR_CREATE XATTR_REPLACE XATTR_SIZE_MAX X_OK abc abort access chmod chown chroot close closerange confstr confstr_names copy_file_range ctermid defpath device_encoding dup dup2 environb error eventfd eventfd_read eventfd_write execl execle execlp execlpe execv execve execvp execvpe fchdir fchmod fchown fdatasync fdopen fork forkpty fpathconf fsdecode fsencode fstat fstatvfs fsync ftruncate fwalk get_blocking get_exec_path get_inheritable getcwdb getegid getenvb geteuid getgid getgrouplist getgroups getloadavg getlogin getpgid getpgrp getpriority getrandom getresgid getresuid getsid getuid getxattr initgroups isatty kill killpg lchown link listxattr lockf login_tty lseek major makedev memfd_create minor mkfifo mknod nice open openpty pathconf pathconf_names pidfd_open pipe pipe2 popen posix_fadvise posix_fallocate posix_spawn posix_spawnp pread preadv putenv pwrite pwritev read readlink readv removexattr renames sched_get_priority_max sched_get_priority_min sched_getaffinity sched_getparam sched_getscheduler sched_param sched_rr_get_interval sched_setaffinity sched_setparam sched_setscheduler sched_yield sendfile set_blocking set_inheritable setegid seteuid setgid setgroups setpgid setpgrp setpriority setregid setresgid setresuid setreuid setsid setuid setxattr spawnl spawnle spawnlp spawnlpe spawnv spawnve spawnvp spawnvpe splice st statvfs statvfs_result strerror supports_bytes_environ supports_dir_fd supports_effective_ids supports_fd supports_follow_symlinks symlink sync sys sysconf sysconf_names system tcgetpgrp tcsetpgrp times times_result truncate ttyname umask uname uname_result unsetenv urandom utime wait wait3 wait4 waitid waitid_result waitpid waitstatus_to_exitcode write writev',
  'os.path': 'expandvars genericpath ismount os sameopenfile stat supports_unicode_filenames sys',
  'posixpath': 'expandvars genericpath ismount os sameopenfile stat supports_unicode_filenames sys',
  'random': 'BPF LOG4 NV_MAGICCONST RECIP_BPF SG_MAGICCONST SystemRandom TWOPI',
  're': 'Scanner copyreg enum functools template',
  'statistics': 'Decimal numbers',
  'string': 'Formatter',
  'sys': 'abiflags addaudithook api_version audit breakpointhook call_tracing copyright displayhook dont_write_bytecode get_asyncgen_hooks get_coroutine_origin_tracking_depth getallocatedblocks getdlopenflags getprofile gettrace hash_info meta_path orig_argv path_hooks path_importer_cache platlibdir pycache_prefix set_asyncgen_hooks set_coroutine_origin_tracking_depth setdlopenflags setprofile settrace stdlib_module_names thread_info warnoptions',
  'textwrap': 're',
  'threading': 'local',
  'time': 'CLOCK_BOOTTIME CLOCK_MONOTONIC CLOCK_MONOTONIC_RAW CLOCK_PROCESS_CPUTIME_ID CLOCK_REALTIME CLOCK_TAI CLOCK_THREAD_CPUTIME_ID clock_getres clock_gettime clock_gettime_ns clock_settime clock_settime_ns pthread_getcpuclockid strptime thread_time_ns tzset',
  'traceback': 'TracebackException collections itertools linecache print_last suppress textwrap',
  'types': 'AsyncGeneratorType CoroutineType coroutine',
  'typing': 'ABCMeta BinaryIO CT_co EXCLUDED_ATTRIBUTES ForwardRef GenericAlias IO KT MethodDescriptorType MethodWrapperType ParamSpecArgs ParamSpecKwargs T T_co T_contra TextIO Unpack VT VT_co V_co WrapperDescriptorType abstractmethod clear_overloads collections contextlib defaultdict functools get_overloads io is_typeddict no_type_check_decorator operator re stdlib_re sys types warnings',
  'unicodedata': 'UCD ucd_3_2_0',
  'weakref': 'itertools sys',
};

let sets: Map<string, Set<string>> | null = null;

/** `name` is an attribute of CPython's module `module` that RefScope's module does not have */
export function isMissingStdlibAttr(module: string, name: string): boolean {
  if (!sets) {
    sets = new Map();
    for (const m of Object.keys(MISSING)) sets.set(m, new Set(MISSING[m].split(' ')));
  }
  return sets.get(module)?.has(name) ?? false;
}
