//! Measuring memory: `allocation_counter` installs a counting global allocator
//! and counts per thread, so the test harness's own threads (output capture,
//! other tests) never show up in a measurement.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

pub(crate) static LOCK: Mutex<()> = Mutex::new(());

/// Held for a whole test: no other test allocates while this one measures. The
/// memory bound is reset to [`FACTOR`] for each test.
pub(crate) fn exclusive() -> MutexGuard<'static, ()> {
    let g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    BOUND.store(FACTOR, Ordering::Relaxed);
    g
}

/// Runs `f` and returns its result and the peak bytes it had allocated at once
/// (including what the result still holds).
pub(crate) fn measure<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let start = std::time::Instant::now();
    let mut out = None;
    let info = allocation_counter::measure(|| out = Some(f()));
    ELAPSED.with(|e| e.set(start.elapsed()));
    let peak = usize::try_from(info.bytes_max).unwrap_or(usize::MAX);
    match out {
        Some(r) => (r, peak),
        None => unreachable!("the closure always runs"),
    }
}

/// The measurement itself works: a megabyte held is a megabyte counted, and one
/// freed before the end still counts towards the peak (nothing here can pass
/// because the counter is not installed).
#[test]
fn the_memory_measurement_counts() {
    let _g = exclusive();
    let (v, peak) = measure(|| vec![1u8; MB]);
    assert!((MB..2 * MB).contains(&peak), "held: {peak}");
    drop(v);
    let ((), peak) = measure(|| drop(std::hint::black_box(vec![1u8; MB])));
    assert!(peak >= MB, "freed: {peak}");
}

thread_local! {
    /// How long the last measured call took (reported, never asserted).
    static ELAPSED: std::cell::Cell<std::time::Duration> = const { std::cell::Cell::new(std::time::Duration::ZERO) };
}

pub(crate) fn elapsed_ms() -> f64 {
    ELAPSED.with(|e| e.get().as_secs_f64() * 1000.0)
}

pub(crate) const MB: usize = 1024 * 1024;

/// The bound: a small multiple of the body, plus room for fixed overheads.
pub(crate) const FACTOR: usize = 8;
pub(crate) const SLACK: usize = 64 * 1024;

/// The factor in force (a test may loosen it while it runs; see
/// `many_small_unknown_members`).
pub(crate) static BOUND: AtomicUsize = AtomicUsize::new(FACTOR);

pub(crate) fn within_bound(what: &str, peak: usize, body: usize) {
    let factor = BOUND.load(Ordering::Relaxed);
    let ratio = peak as f64 / body.max(1) as f64;
    println!(
        "memory  {what:<70} body {body:>9} B  peak {peak:>10} B  ratio {ratio:>6.2}x  {:>8.1} ms",
        elapsed_ms()
    );
    assert!(
        peak <= factor * body + SLACK,
        "{what}: peak {peak} B for a body of {body} B ({ratio:.2}x; the bound is {factor}x + {SLACK} B)"
    );
}
