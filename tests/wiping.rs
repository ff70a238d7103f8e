//! SECURITY.md: "Key schedules are wiped from memory when a `Verifier` is dropped ...;
//! token digests likewise." Observed from outside the crate: this test binary's global
//! allocator looks at every heap block as it is freed, and at the blocks still live, for
//! the key material of a secret computed here independently: the HMAC-SHA256 inner and
//! outer states (SHA-256's state after one block of the key XOR ipad / opad, as
//! `hmac` keeps them) and, for a URL-token provider, the SHA-256 of the token.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use hookproof::{Options, Provider, Verifier};
use sha2::{Digest, Sha256};

const MAX_PATTERNS: usize = 4;
const MAX_LIVE: usize = 4096;

/// The byte patterns looked for, as (length, bytes); written only while nothing is armed.
static mut PATTERNS: [[u8; 32]; MAX_PATTERNS] = [[0; 32]; MAX_PATTERNS];
static PATTERN_COUNT: AtomicUsize = AtomicUsize::new(0);
/// Heap blocks freed while they still held a pattern.
static FREED_WITH_PATTERN: AtomicUsize = AtomicUsize::new(0);
/// Live blocks allocated while armed (pointer, size; 0 = free slot).
static LIVE: [(AtomicUsize, AtomicUsize); MAX_LIVE] =
    [const { (AtomicUsize::new(0), AtomicUsize::new(0)) }; MAX_LIVE];
static LIVE_OVERFLOW: AtomicBool = AtomicBool::new(false);
/// One test at a time uses the allocator's watch (tests run on threads).
static WATCH: Mutex<()> = Mutex::new(());

thread_local! {
    // Only the testing thread is watched: the harness's own threads allocate too.
    static ARMED: Cell<bool> = const { Cell::new(false) };
}

fn holds_pattern(block: &[u8]) -> bool {
    let count = PATTERN_COUNT.load(Ordering::SeqCst);
    // SAFETY: PATTERNS is written only while no thread is armed (see `watch`).
    let patterns = unsafe { &*std::ptr::addr_of!(PATTERNS) };
    // Every 16-byte piece at 8-byte steps, as js-tests/cases.js looks: the allocator's
    // bookkeeping overwrites the start of a freed block, and a part of a key is a leak too.
    patterns[..count].iter().any(|pattern| {
        (0..=16).step_by(8).any(|at| {
            let piece = &pattern[at..at + 16];
            block.windows(16).any(|window| window == piece)
        })
    })
}

struct Watching;

unsafe impl GlobalAlloc for Watching {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() && ARMED.with(Cell::get) {
            let slot = LIVE.iter().find(|(p, _)| {
                p.compare_exchange(0, ptr as usize, Ordering::SeqCst, Ordering::SeqCst)
                    .is_ok()
            });
            match slot {
                Some((_, size)) => size.store(layout.size(), Ordering::SeqCst),
                None => LIVE_OVERFLOW.store(true, Ordering::SeqCst),
            }
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if ARMED.with(Cell::get) {
            // SAFETY: the block is still allocated, `layout.size()` bytes long.
            let block = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            if holds_pattern(block) {
                FREED_WITH_PATTERN.fetch_add(1, Ordering::SeqCst);
            }
        }
        for (p, size) in &LIVE {
            if p.load(Ordering::SeqCst) == ptr as usize {
                size.store(0, Ordering::SeqCst);
                p.store(0, Ordering::SeqCst);
            }
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Watching = Watching;

/// How many blocks allocated while armed and still live hold a pattern.
fn live_blocks_with_pattern() -> usize {
    LIVE.iter()
        .filter(|(p, size)| {
            let (ptr, size) = (p.load(Ordering::SeqCst), size.load(Ordering::SeqCst));
            // SAFETY: a live slot is an allocation of `size` bytes not yet freed.
            ptr != 0 && holds_pattern(unsafe { std::slice::from_raw_parts(ptr as *const u8, size) })
        })
        .count()
}

/// Runs `body` with `patterns` watched on this thread; returns what `body` returned.
fn watch<T>(patterns: &[[u8; 32]], body: impl FnOnce() -> T) -> T {
    let _one = WATCH
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    assert!(patterns.len() <= MAX_PATTERNS);
    // SAFETY: no thread is armed (the lock is held and the last `watch` disarmed).
    unsafe {
        let all = &mut *std::ptr::addr_of_mut!(PATTERNS);
        all[..patterns.len()].copy_from_slice(patterns);
    }
    PATTERN_COUNT.store(patterns.len(), Ordering::SeqCst);
    FREED_WITH_PATTERN.store(0, Ordering::SeqCst);
    ARMED.with(|armed| armed.set(true));
    let result = body();
    ARMED.with(|armed| armed.set(false));
    PATTERN_COUNT.store(0, Ordering::SeqCst);
    assert!(
        !LIVE_OVERFLOW.load(Ordering::SeqCst),
        "too many live blocks to track"
    );
    result
}

/// SHA-256's state after one block of `key` (padded to 64 bytes, or hashed first when
/// longer) XOR `pad`, as the eight state words lie in memory.
fn hmac_state(key: &[u8], pad: u8) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    for byte in &mut block {
        *byte ^= pad;
    }
    let mut state: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    sha2::block_api::compress256(&mut state, &[block]);
    let mut bytes = [0u8; 32];
    for (chunk, word) in bytes.chunks_exact_mut(4).zip(state) {
        chunk.copy_from_slice(&word.to_ne_bytes());
    }
    bytes
}

/// The key material a `Verifier` for `provider` holds for `secret`, computed here
/// independently: a token's SHA-256 digest, or HMAC-SHA256's inner and outer states for a
/// key taken as given. `None` for the schemes this test does not model (HMAC-SHA1/512,
/// decoded keys, public keys — which are not secret).
fn key_material(provider: Provider, secret: &[u8]) -> Option<Vec<[u8; 32]>> {
    use hookproof::scheme::{Algorithm, KeyForm, Proof};
    match provider.proof() {
        Proof::Token(_) => Some(vec![Sha256::digest(secret).into()]),
        Proof::Signature(signature)
            if signature.algorithm == Algorithm::HmacSha256 && signature.key == KeyForm::Text =>
        {
            Some(vec![hmac_state(secret, 0x36), hmac_state(secret, 0x5c)])
        }
        Proof::Signature(_) => None,
    }
}

#[test]
fn the_watch_sees_key_material_that_is_not_wiped() {
    // Not vacuous: a block holding the pattern, freed as is, is seen.
    let pattern = hmac_state(b"any key", 0x36);
    let freed = watch(&[pattern], || {
        let copy = pattern.to_vec();
        assert_eq!(live_blocks_with_pattern(), 1);
        drop(copy);
        FREED_WITH_PATTERN.load(Ordering::SeqCst)
    });
    assert_eq!(freed, 1);
}

#[test]
fn a_dropped_verifier_leaves_no_key_material_on_the_heap() {
    for &provider in Provider::ALL {
        for secret in [
            &b"wipe-me-on-drop"[..],
            &[0xa5; 64][..],
            &[0x5a; 100][..], // longer than a block: the key is its hash
        ] {
            let Some(patterns) = key_material(provider, secret) else {
                continue;
            };
            let (live, freed) = watch(&patterns, || {
                let verifier = Verifier::new(provider, &[secret], Options::default()).unwrap();
                // The patterns are what the Verifier holds: found while it lives.
                let live = live_blocks_with_pattern();
                drop(verifier);
                (live, FREED_WITH_PATTERN.load(Ordering::SeqCst))
            });
            let what = format!("{provider} with a {}-byte secret", secret.len());
            assert!(live >= 1, "{what}: key material not found while alive");
            assert_eq!(freed, 0, "{what}: key material left in freed memory");
        }
    }
}

/// `explain` builds many keys from one secret: its own HMAC keys, the secret's variants
/// (`whsec_` added, decoded), and `Verifier`s of other providers (G2 Sentry's delivery is
/// also tried as Gengo's, whose key is a token digest). None may outlive the call unwiped:
/// not the key states, nor the secret itself in a variant's buffer.
#[test]
fn explain_leaves_no_key_material_on_the_heap() {
    use hookproof::{explain, sign, Delivery, SignOptions};
    let body = br#"{"jobId":5,"eventType":"JobAssigned","jobStatus":"Assigned"}"#;
    // Signed with another secret, and a newline appended: explain tries every variant.
    let signed = sign(
        "g2sentry",
        body,
        b"the sender's secret",
        &SignOptions::at(0),
    )
    .unwrap();
    let received = [&body[..], b"\n"].concat();
    let text_secret = *b"wipe-me-after-explain-0123456789";
    for secret in [&text_secret[..], &[0xa5; 64][..], &[0x5a; 100][..]] {
        // G2 Sentry keys HMAC-SHA256 with the secret's text (as `key_material` says). Built
        // in place: a vector grown here would leave a freed block holding the patterns, which
        // explain's own allocations could reuse, and the watch would find this test's copy.
        let mut patterns = Vec::with_capacity(MAX_PATTERNS);
        patterns.push(hmac_state(secret, 0x36));
        patterns.push(hmac_state(secret, 0x5c));
        if let Ok(whole) = <[u8; 32]>::try_from(secret) {
            patterns.push(whole);
        }
        let (live, freed) = watch(&patterns, || {
            let diagnosis = explain(
                "g2sentry",
                &Delivery::new(&signed.headers, &received),
                &[secret],
                &Options::default(),
                0,
            );
            assert_eq!(diagnosis.causes[0].code, "raw_body");
            (
                live_blocks_with_pattern(),
                FREED_WITH_PATTERN.load(Ordering::SeqCst),
            )
        });
        assert_eq!(
            key_material(Provider::G2Sentry, secret).as_deref(),
            Some(&patterns[..2])
        );
        let what = format!("explain with a {}-byte secret", secret.len());
        assert_eq!(live, 0, "{what}: key material left in live memory");
        assert_eq!(freed, 0, "{what}: key material left in freed memory");
    }
}
