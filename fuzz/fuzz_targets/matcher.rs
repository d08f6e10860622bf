//! The matcher: a gazetteer and a text, both from the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kutip::fuzzing::matcher(data);
});
