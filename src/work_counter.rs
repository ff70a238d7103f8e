//! Test-only (`cfg(test)`): counts the HMAC-SHA256 computations done on this thread and
//! the bytes they cover, as `scheme::mac` reports them, so that tests bound the work by
//! what is actually done rather than by the constants the code itself uses.

use core::cell::Cell;

/// Work done since the last [`take`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Work {
    /// HMACs computed.
    pub(crate) hmacs: usize,
    /// Bytes they covered, in all.
    pub(crate) bytes: usize,
    /// Bytes the largest one covered.
    pub(crate) largest: usize,
}

std::thread_local! {
    // Per thread: the test harness runs tests on several at once.
    static WORK: Cell<Work> = const {
        Cell::new(Work {
            hmacs: 0,
            bytes: 0,
            largest: 0,
        })
    };
}

/// Records one HMAC over `bytes` bytes.
pub(crate) fn hmac(bytes: usize) {
    WORK.with(|work| {
        let mut now = work.get();
        now.hmacs += 1;
        now.bytes += bytes;
        now.largest = now.largest.max(bytes);
        work.set(now);
    });
}

/// The work recorded on this thread since the last call, and a fresh count.
pub(crate) fn take() -> Work {
    WORK.with(|work| work.replace(Work::default()))
}
