//! A binary range coder with adaptive probabilities (the LZMA kind), for the model file: the
//! weights are mostly zeros and ±1, which it stores in about their entropy (gzip gets a third
//! more), and decoding a model takes a few milliseconds.
//!
//! Numbers are written as an Elias-gamma code (the length in unary, then the bits below the
//! top one), every decision with its own adaptive probability.

const TOP: u32 = 1 << 24;
const BITS: u32 = 11;
const ONE: u16 = 1 << BITS;
const MOVE: u32 = 5;

/// An adaptive probability that the next bit is 0, in units of 1/2048.
#[derive(Clone, Copy, Debug)]
pub struct Prob(u16);

impl Default for Prob {
    fn default() -> Prob {
        Prob(ONE / 2)
    }
}

/// Adaptive probabilities for gamma-coded numbers of up to 32 bits.
#[derive(Clone, Debug)]
pub struct Gamma {
    len: [Prob; 33],
    low: Vec<[Prob; 32]>,
}

impl Default for Gamma {
    fn default() -> Gamma {
        Gamma {
            len: [Prob::default(); 33],
            low: vec![[Prob::default(); 32]; 33],
        }
    }
}

/// Reads what [`Encoder`] wrote.
pub struct Decoder<'a> {
    data: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
}

impl<'a> Decoder<'a> {
    /// Starts decoding `data`.
    pub fn new(data: &'a [u8]) -> Decoder<'a> {
        let mut d = Decoder {
            data,
            pos: 0,
            range: u32::MAX,
            code: 0,
        };
        for _ in 0..5 {
            d.code = (d.code << 8) | u32::from(d.byte());
        }
        d
    }

    /// Bytes read so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// True when the decoder has read past its data (the file was cut short).
    pub fn overrun(&self) -> bool {
        self.pos > self.data.len()
    }

    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// One bit with probability `p` of 0.
    #[inline]
    pub fn bit(&mut self, p: &mut Prob) -> bool {
        let bound = (self.range >> BITS) * u32::from(p.0);
        let bit = if self.code < bound {
            self.range = bound;
            p.0 += (ONE - p.0) >> MOVE;
            false
        } else {
            self.code -= bound;
            self.range -= bound;
            p.0 -= p.0 >> MOVE;
            true
        };
        if self.range < TOP {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.byte());
        }
        bit
    }

    /// A number ≥ 1.
    pub fn gamma(&mut self, g: &mut Gamma) -> u32 {
        let mut n = 0;
        while n < 32 && self.bit(&mut g.len[n]) {
            n += 1;
        }
        let mut v: u32 = 1;
        for j in 0..n {
            let b = self.bit(&mut g.low[n][j]);
            v = (v << 1) | u32::from(b);
        }
        v
    }
}

/// Writes bits and numbers with adaptive probabilities.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug)]
pub struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    cache_size: u64,
    out: Vec<u8>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Encoder {
    fn default() -> Encoder {
        Encoder {
            low: 0,
            range: u32::MAX,
            cache: 0,
            cache_size: 1,
            out: Vec::new(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Encoder {
    fn shift_low(&mut self) {
        if (self.low as u32) < 0xff00_0000 || (self.low >> 32) != 0 {
            let carry = (self.low >> 32) as u8;
            let mut temp = self.cache;
            loop {
                self.out.push(temp.wrapping_add(carry));
                temp = 0xff;
                self.cache_size -= 1;
                if self.cache_size == 0 {
                    break;
                }
            }
            self.cache = ((self.low >> 24) & 0xff) as u8;
        }
        self.cache_size += 1;
        self.low = (self.low & 0x00ff_ffff) << 8;
    }

    /// One bit with probability `p` of 0.
    pub fn bit(&mut self, p: &mut Prob, bit: bool) {
        let bound = (self.range >> BITS) * u32::from(p.0);
        if bit {
            self.low += u64::from(bound);
            self.range -= bound;
            p.0 -= p.0 >> MOVE;
        } else {
            self.range = bound;
            p.0 += (ONE - p.0) >> MOVE;
        }
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }

    /// A number ≥ 1.
    pub fn gamma(&mut self, g: &mut Gamma, v: u32) {
        assert!(v >= 1);
        let n = 31 - v.leading_zeros() as usize;
        for k in 0..n {
            self.bit(&mut g.len[k], true);
        }
        if n < 32 {
            self.bit(&mut g.len[n], false);
        }
        for j in 0..n {
            self.bit(&mut g.low[n][j], (v >> (n - 1 - j)) & 1 == 1);
        }
    }

    /// The coded bytes.
    pub fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let values: Vec<u32> = (1..3000u32).map(|x| (x * 7919) % 1000 + 1).collect();
        let bits: Vec<bool> = (0..5000u32).map(|x| x % 7 == 0 || x % 13 == 0).collect();
        let mut e = Encoder::default();
        let (mut g, mut p) = (Gamma::default(), Prob::default());
        for &v in &values {
            e.gamma(&mut g, v);
        }
        for &b in &bits {
            e.bit(&mut p, b);
        }
        e.gamma(&mut g, u32::MAX);
        let data = e.finish();
        let mut d = Decoder::new(&data);
        let (mut g, mut p) = (Gamma::default(), Prob::default());
        for &v in &values {
            assert_eq!(d.gamma(&mut g), v);
        }
        for &b in &bits {
            assert_eq!(d.bit(&mut p), b);
        }
        assert_eq!(d.gamma(&mut g), u32::MAX);
        assert!(!d.overrun());
    }
}
