//! An [`Index`] on disk (the search cache, [`crate::cache`]): only what is costly to make, the
//! vocabulary and the postings. The rest follows from the cases in a few milliseconds and is
//! rebuilt by [`Index::from_stored`]: the paragraphs' places (the order of
//! [`for_each_paragraph`]), the positions that share a text, the word lookup, the typo automata.
//!
//! `Index` serialises (serde) to the same fields in the same order as [`StoredIndex`]
//! deserialises, so `Index` goes in and `StoredIndex` comes out of a non-self-describing format
//! such as postcard.

use super::vocab::{Typos, Vocabulary};
use super::{FastMap, Index, Posting, Record, SkimWordMatcher, for_each_paragraph, sharers_of};
use crate::model::Case;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// An index as read from disk, whole in itself (offsets in range) but not yet checked against
/// its cases: make it an [`Index`] with [`Index::from_stored`].
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawIndex")]
pub struct StoredIndex {
    /// How many paragraphs were indexed.
    paragraphs: usize,
    vocab: Vocabulary,
    /// Lower form → word id (made on reading, not stored).
    ids: FastMap<Box<str>, u32>,
    starts: Vec<usize>,
    postings: Vec<Posting>,
}

/// What is stored, as read.
#[derive(Deserialize)]
struct RawIndex {
    paragraphs: u64,
    vocab: Vocabulary,
    starts: Vec<usize>,
    postings: PostingBytes,
}

impl TryFrom<RawIndex> for StoredIndex {
    type Error = &'static str;

    fn try_from(raw: RawIndex) -> Result<StoredIndex, &'static str> {
        let RawIndex {
            paragraphs,
            vocab,
            starts,
            postings: PostingBytes(postings),
        } = raw;
        let paragraphs = usize::try_from(paragraphs).map_err(|_| "too many paragraphs")?;
        let whole = vocab.is_consistent()
            && starts.len() == vocab.len() + 1
            && starts.first() == Some(&0)
            && starts.last() == Some(&postings.len())
            && starts.windows(2).all(|w| w[0] <= w[1])
            && postings.iter().all(|p| (p.record as usize) < paragraphs);
        if !whole {
            return Err("the index does not hold together");
        }
        let mut ids: FastMap<Box<str>, u32> = FastMap::default();
        ids.reserve(vocab.len());
        for id in 0..vocab.len() as u32 {
            ids.insert(vocab.lower(id).into(), id);
        }
        Ok(StoredIndex {
            paragraphs,
            vocab,
            ids,
            starts,
            postings,
        })
    }
}

impl Serialize for Index {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("StoredIndex", 4)?;
        s.serialize_field("paragraphs", &(self.records.len() as u64))?;
        s.serialize_field("vocab", &self.vocab)?;
        s.serialize_field("starts", &self.starts)?;
        s.serialize_field("postings", &PostingBytesRef(&self.postings))?;
        s.end()
    }
}

/// The postings as one run of bytes, record and position as u32 little-endian: millions of
/// them read back ten times faster than as a sequence of variable-length integers.
#[derive(Debug)]
struct PostingBytes(Vec<Posting>);

/// [`PostingBytes`] to write.
struct PostingBytesRef<'a>(&'a [Posting]);

const POSTING_BYTES: usize = 8;

impl Serialize for PostingBytesRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut bytes = Vec::with_capacity(self.0.len() * POSTING_BYTES);
        for p in self.0 {
            bytes.extend_from_slice(&p.record.to_le_bytes());
            bytes.extend_from_slice(&p.position.to_le_bytes());
        }
        serializer.serialize_bytes(&bytes)
    }
}

impl<'de> Deserialize<'de> for PostingBytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = PostingBytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("postings as bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<PostingBytes, E> {
                if !v.len().is_multiple_of(POSTING_BYTES) {
                    return Err(E::invalid_length(v.len(), &self));
                }
                let u32_at =
                    |c: &[u8], i: usize| u32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
                Ok(PostingBytes(
                    v.chunks_exact(POSTING_BYTES)
                        .map(|c| Posting {
                            record: u32_at(c, 0),
                            position: u32_at(c, 4),
                        })
                        .collect(),
                ))
            }
        }
        deserializer.deserialize_bytes(Visit)
    }
}

impl Index {
    /// The index of `cases` from what [`Index`]'s `Serialize` wrote, with fuzzy-matcher for
    /// abbreviations (as [`Index::build`]). `None` when it cannot be an index of these cases
    /// (another number of paragraphs): then build the index anew. Offsets that do not hold
    /// together were already refused when the [`StoredIndex`] was read, so whatever was read,
    /// searching the index cannot panic. Given other cases with the same number of paragraphs
    /// it finds the wrong words: the caller makes sure the cases are the ones indexed.
    pub fn from_stored(stored: StoredIndex, cases: &[Case]) -> Option<Index> {
        let mut records = Vec::with_capacity(stored.paragraphs);
        for (ci, case) in cases.iter().enumerate() {
            let case_no = u32::try_from(ci).ok()?;
            for_each_paragraph(case, |target, _| {
                records.push(Record {
                    case: case_no,
                    target,
                })
            });
        }
        if records.len() != stored.paragraphs {
            return None;
        }
        Some(Index {
            records,
            vocab: stored.vocab,
            ids: stored.ids,
            starts: stored.starts,
            postings: stored.postings,
            sharers: cases.iter().map(sharers_of).collect(),
            typos: Typos::default(),
            matcher: Box::new(SkimWordMatcher::default()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::search::Query;
    use crate::model::load_bundled;

    fn round_trip(index: &Index, cases: &[Case]) -> Option<Index> {
        let bytes = postcard::to_stdvec(index).unwrap();
        let stored: StoredIndex = postcard::from_bytes(&bytes).unwrap();
        Index::from_stored(stored, cases)
    }

    #[test]
    fn a_stored_index_searches_like_the_built_one() {
        let cases = vec![load_bundled(), load_bundled()];
        let index = Index::build(&cases);
        let back = round_trip(&index, &cases).expect("fits its cases");
        assert_eq!(back.len(), index.len());
        assert_eq!(back.words(), index.words());
        assert_eq!(back.records.len(), index.records.len());
        for (a, b) in back.records.iter().zip(&index.records) {
            assert_eq!((a.case, a.target), (b.case, b.target));
        }
        assert_eq!(back.sharers, index.sharers);
        assert_eq!(back.ids, index.ids);
        for q in [
            "trygghetskiosk",
            "skarholmen tunnelbana",
            "trygghetskoisk",
            "sdn",
            "\"varje tunnelbanestation\"",
            "party:M stance:reservation",
        ] {
            let query = Query::parse(q);
            assert_eq!(
                back.search(&cases, &query, 50),
                index.search(&cases, &query, 50),
                "{q}"
            );
        }
    }

    #[test]
    fn a_stored_index_of_other_cases_is_refused() {
        let cases = vec![load_bundled(), load_bundled()];
        let index = Index::build(&cases);
        assert!(round_trip(&index, &cases[..1]).is_none());
        assert!(round_trip(&index, &[]).is_none());
    }

    #[test]
    fn an_inconsistent_stored_index_is_refused() {
        let cases = vec![load_bundled()];
        let index = Index::build(&cases);
        let stored = |f: &dyn Fn(&mut RawIndex)| {
            let bytes = postcard::to_stdvec(&index).unwrap();
            let mut raw: RawIndex = postcard::from_bytes(&bytes).unwrap();
            f(&mut raw);
            StoredIndex::try_from(raw)
                .ok()
                .and_then(|s| Index::from_stored(s, &cases))
        };
        assert!(stored(&|_| {}).is_some());
        assert!(stored(&|s| s.postings.0[0].record = u32::MAX).is_none());
        assert!(stored(&|s| s.paragraphs += 1).is_none());
        assert!(stored(&|s| s.starts.truncate(3)).is_none());
        assert!(
            stored(&|s| {
                let n = s.starts.len();
                s.starts.swap(1, n - 2)
            })
            .is_none()
        );
        assert!(stored(&|s| s.postings.0.pop().map_or((), drop)).is_none());
        assert!(stored(&|s| s.vocab = Vocabulary::default()).is_none());
        let (broken, _) = Vocabulary::new(&["ärende".into(), "kiosk".into()]);
        assert!(broken.is_consistent());
        let mut bytes = postcard::to_stdvec(&broken).unwrap();
        // Cut the first word's `\n`: offsets no longer end words.
        let at = bytes.iter().position(|&b| b == b'\n').unwrap();
        bytes[at] = b'x';
        let changed: Vocabulary = postcard::from_bytes(&bytes).unwrap();
        assert!(!changed.is_consistent());
    }

    #[test]
    fn postings_of_a_bad_length_do_not_decode() {
        let bytes = postcard::to_stdvec(&Bytes(&[1, 2, 3])).unwrap();
        assert!(postcard::from_bytes::<PostingBytes>(&bytes).is_err());
        let bytes = postcard::to_stdvec(&Bytes(&[1, 0, 0, 0, 2, 0, 0, 0])).unwrap();
        let got = postcard::from_bytes::<PostingBytes>(&bytes).unwrap();
        assert_eq!(
            got.0,
            vec![Posting {
                record: 1,
                position: 2
            }]
        );
    }

    struct Bytes<'a>(&'a [u8]);
    impl Serialize for Bytes<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
}
