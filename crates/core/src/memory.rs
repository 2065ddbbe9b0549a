//! The process's memory allocator. The binary allocates with mimalloc, which is faster than the
//! system's allocator for Typst's many small allocations (docs/architecture.md,
//! "Decisions with figures behind them"). It hands freed memory back to the operating system after a delay, which keeps a
//! short build fast; a long build asks for it at once ([`release_promptly`]), so that its peak
//! stays flat however long the document, and the live loop's later passes go back to the delay
//! ([`release_at_leisure`]).

use libmimalloc_sys::mi_option_t;

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`, version 3: the 16th option), which the
/// `libmimalloc-sys` crate leaves out of its constants: how many milliseconds freed memory waits
/// before it is returned to the operating system (1 000 by default in version 3's `options.c`;
/// 0 returns it at once).
const PURGE_DELAY: mi_option_t = 15;

/// From now on, memory freed is returned to the operating system at once. `build` calls it
/// before it renders large sources one edition at a time; it costs a little time and saves
/// memory. Without mimalloc as the global allocator (the library's own tests) it only changes an
/// option nothing reads.
pub fn release_promptly() {
    // SAFETY: `mi_option_set` takes no pointers and may be called from any thread at any time.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

/// mimalloc's own purge delay, in milliseconds (version 3's `options.c`).
pub const DEFAULT_PURGE_DELAY_MS: std::ffi::c_long = 1000;

/// From now on, memory freed is returned to the operating system after mimalloc's own delay
/// again: the live loop's passes after its first, which lay out a few parts of a long edition
/// and would otherwise take back, page by page, the memory the pass before just gave up.
pub fn release_at_leisure() {
    // SAFETY: as above.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, DEFAULT_PURGE_DELAY_MS) }
}

/// The purge delay mimalloc uses now, in milliseconds.
pub fn purge_delay() -> std::ffi::c_long {
    // SAFETY: as above.
    unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_mimallocs_and_release_promptly_sets_it_to_zero() {
        // mimalloc's default for `purge_delay` is 1 000 ms (version 3's `options.c`), and no other
        // option has that default, so reading it first shows the index names the purge delay.
        // Nothing else in this test binary sets it.
        assert_eq!(purge_delay(), DEFAULT_PURGE_DELAY_MS, "option {PURGE_DELAY} is not mimalloc's purge delay");
        release_promptly();
        assert_eq!(purge_delay(), 0);
        release_at_leisure();
        assert_eq!(purge_delay(), DEFAULT_PURGE_DELAY_MS);
    }
}
