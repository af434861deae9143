//! Running a command as a child and measuring it the way the kernel sees it: wall time, CPU
//! time and peak memory (the child's maximum resident set size, from `wait4`), and its
//! output. Used by the memory-cap test and the similarity benchmark. Linux.
//!
//! The kernel's peak for a child starts from its parent's peak at the moment of the spawn
//! (the child begins as a copy of the parent), so measure from a small process: run the
//! children before loading anything large. [`Measured::floor`] says what that floor was.
#![allow(dead_code)]

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a measured run gave.
#[derive(Debug)]
pub struct Measured {
    pub wall: Duration,
    /// User and system CPU time of the child.
    pub cpu: Duration,
    /// The child's peak resident memory, bytes (at least [`Measured::floor`]).
    pub max_rss: u64,
    /// This process's peak resident memory when it spawned the child, bytes (0 when
    /// unknown): the child's figure cannot be below it.
    pub floor: u64,
    /// The exit code (`None`: killed by a signal).
    pub code: Option<i32>,
    /// Bytes written to stdout.
    pub stdout_bytes: u64,
    /// Stdout itself, when asked for.
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// Run `cmd` with stdin closed, stdout read (kept when `keep_stdout`, else only counted) and
/// stderr kept. With `address_limit` (bytes), the child's address space is capped
/// (`RLIMIT_AS`), so a runaway fails at once instead of making the machine swap.
pub fn measure(
    cmd: &mut Command,
    address_limit: Option<u64>,
    keep_stdout: bool,
) -> std::io::Result<Measured> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(limit) = address_limit {
        // SAFETY: between fork and exec the closure only calls setrlimit, which is
        // async-signal-safe, and allocates nothing.
        unsafe {
            cmd.pre_exec(move || {
                let r = libc::rlimit {
                    rlim_cur: limit as libc::rlim_t,
                    rlim_max: limit as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &r) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let floor = own_peak();
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().expect("stdout is piped");
    let mut err = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut count = 0u64;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match out.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    count += n as u64;
                    if keep_stdout {
                        kept.extend_from_slice(&buf[..n]);
                    }
                }
            }
        }
        (count, kept)
    });
    let errors = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let mut status = 0;
    // SAFETY: rusage is plain data; zeroed is a valid value for it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = loop {
        // SAFETY: pid is our child, not yet reaped; the pointers are to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = start.elapsed();
    if reaped == -1 {
        return Err(std::io::Error::last_os_error());
    }
    // The child is reaped; dropping `Child` neither waits nor kills.
    drop(child);
    let (stdout_bytes, stdout) = reader.join().expect("reader thread");
    let stderr = errors.join().expect("stderr thread");
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    Ok(Measured {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        floor,
        // Linux reports ru_maxrss in KiB.
        max_rss: (usage.ru_maxrss.max(0) as u64) * 1024,
        code,
        stdout_bytes,
        stdout,
        stderr,
    })
}

/// This process's peak resident memory (`VmHWM` in `/proc/self/status`), bytes; 0 when
/// unknown.
fn own_peak() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kib| kib * 1024)
}
