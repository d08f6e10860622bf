//! The quote extractor (the whole pipeline) on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kutip::fuzzing::quotes(data);
});
