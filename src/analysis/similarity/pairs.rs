//! Every related pair, streamed (`remiss similar --all-pairs`): for scripts that want all of
//! them, without holding them. Candidates are generated per text and aligned in parallel
//! blocks of texts; each block's related pairs are handed out and dropped before the next.

use super::build::Sketched;
use super::{Label, PosRef, Relation, Similarity, parallel, shingle};
use std::collections::HashMap;
use std::ops::ControlFlow;

/// Texts per block: the related pairs of one block are held at a time.
const BLOCK: usize = 64;

pub fn for_each(sim: &Similarity, mut emit: impl FnMut(PosRef, Relation) -> ControlFlow<()>) {
    let opts = &sim.options;
    let threads = parallel::threads(opts.threads);
    let k = opts.min_run.max(1);
    let (bands, rows) = (opts.lsh_bands.max(1), opts.lsh_rows.max(1));
    let bins = bands * rows;
    let n = sim.texts.len();
    let sk = Sketched::new(
        sim.texts.iter().map(|t| t.words.as_slice()).collect(),
        k,
        bins,
        threads,
    );

    // Per band, the texts sorted by their band key; per text and band, its key.
    let mut buckets: Vec<Vec<(u64, u32)>> = Vec::with_capacity(bands);
    let mut keys: Vec<u64> = vec![0; n * bands];
    for band in 0..bands {
        let mut list: Vec<(u64, u32)> = (0..n as u32)
            .map(|t| {
                let rows_of = &sk.signature(t)[band * rows..(band + 1) * rows];
                let key = rows_of
                    .iter()
                    .fold(shingle::mix(band as u64), |h, &v| shingle::mix(h ^ v));
                keys[t as usize * bands + band] = key;
                (key, t)
            })
            .collect();
        list.sort_unstable();
        buckets.push(list);
    }
    // Per text: the texts of every case it occurs in (cases up to the exhaustive limit).
    let mut case_texts: HashMap<usize, Vec<u32>> = HashMap::new();
    for (c, row) in sim.doc_of.iter().enumerate() {
        let mut texts: Vec<u32> = row
            .iter()
            .flatten()
            .map(|&d| sim.docs[d as usize].text)
            .collect();
        if texts.len() > opts.exhaustive_limit {
            continue;
        }
        texts.sort_unstable();
        texts.dedup();
        case_texts.insert(c, texts);
    }
    // Per family: its texts.
    let mut family_texts: Vec<Vec<u32>> = vec![Vec::new(); sim.families.len()];
    for (t, f) in sim.family_of_text.iter().enumerate() {
        if let Some(f) = f {
            family_texts[*f as usize].push(t as u32);
        }
    }

    let candidates_of = |i: u32| -> Vec<u32> {
        let mut out = Vec::new();
        for band in 0..bands {
            let key = keys[i as usize * bands + band];
            let list = &buckets[band];
            let from = list.partition_point(|&(k, _)| k < key);
            out.extend(
                list[from..]
                    .iter()
                    .take_while(|&&(k, _)| k == key)
                    .map(|&(_, t)| t),
            );
        }
        if let Some(f) = sim.family_of_text[i as usize] {
            out.extend(&family_texts[f as usize]);
        }
        for &d in &sim.texts[i as usize].docs {
            if let Some(texts) = case_texts.get(&sim.docs[d as usize].pos.case) {
                out.extend(texts);
            }
        }
        out.retain(|&j| j > i);
        out.sort_unstable();
        out.dedup();
        out
    };

    let texts: Vec<u32> = (0..n as u32).collect();
    for block in texts.chunks(BLOCK) {
        let related: Vec<Vec<(u32, f32, f32)>> = parallel::map(
            block,
            threads,
            || (),
            |_, &i| {
                let js = candidates_of(i);
                let pairs: Vec<(u32, u32)> = js.iter().map(|&j| (i, j)).collect();
                sk.score(&pairs, opts.min_run, opts.partial, 1)
                    .into_iter()
                    .zip(js)
                    .filter_map(|(r, j)| {
                        let (x, y) = r?;
                        (opts.label(x, y) != Label::Unrelated).then_some((j, x, y))
                    })
                    .collect()
            },
        );
        for (&i, list) in block.iter().zip(related) {
            let docs_i = &sim.texts[i as usize].docs;
            // Identical positions.
            for (x, &a) in docs_i.iter().enumerate() {
                for &b in &docs_i[x + 1..] {
                    let flow = emit(
                        sim.docs[a as usize].pos,
                        Relation {
                            other: sim.docs[b as usize].pos,
                            label: Label::Identical,
                            a_in_b: 1.0,
                            b_in_a: 1.0,
                        },
                    );
                    if flow.is_break() {
                        return;
                    }
                }
            }
            for (j, x, y) in list {
                let label = opts.label(x, y);
                for &a in docs_i {
                    for &b in &sim.texts[j as usize].docs {
                        let (pa, pb) = (sim.docs[a as usize].pos, sim.docs[b as usize].pos);
                        let (first, rel) = if pa < pb {
                            (
                                pa,
                                Relation {
                                    other: pb,
                                    label,
                                    a_in_b: x,
                                    b_in_a: y,
                                },
                            )
                        } else {
                            (
                                pb,
                                Relation {
                                    other: pa,
                                    label: label.flip(),
                                    a_in_b: y,
                                    b_in_a: x,
                                },
                            )
                        };
                        if emit(first, rel).is_break() {
                            return;
                        }
                    }
                }
            }
        }
    }
}
