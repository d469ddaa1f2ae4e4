//! Viterbi decoding over BILOU labels with learned transitions; invalid transitions
//! (an entity left open, `I` without `B`, a change of type inside an entity) are never
//! taken.

use super::labels::{Label, NUM_LABELS};

const N: usize = NUM_LABELS;

/// Learned transition scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    /// `trans[prev][next]`.
    pub trans: [[f32; N]; N],
    pub start: [f32; N],
    pub end: [f32; N],
}

impl Default for Transitions {
    fn default() -> Self {
        Transitions {
            trans: [[0.0; N]; N],
            start: [0.0; N],
            end: [0.0; N],
        }
    }
}

impl Transitions {
    /// The same scores with every invalid transition (and invalid first or last label)
    /// at minus infinity, so that the decoder's loops need no test.
    pub fn masked(&self) -> Transitions {
        let mut m = self.clone();
        for p in 0..N {
            for y in 0..N {
                if !Label(p as u8).can_precede(Label(y as u8)) {
                    m.trans[p][y] = f32::NEG_INFINITY;
                }
            }
            if !Label(p as u8).can_start() {
                m.start[p] = f32::NEG_INFINITY;
            }
            if !Label(p as u8).can_end() {
                m.end[p] = f32::NEG_INFINITY;
            }
        }
        m
    }
}

/// Reusable buffers of the decoder.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scratch {
    alpha: Vec<[f32; N]>,
    back: Vec<[u8; N]>,
    beta: Vec<[f32; N]>,
}

/// Best label sequence; appends `emissions.len()` labels to `out`. `t` must be
/// [`Transitions::masked`]. Ties go to the lowest label index.
pub(crate) fn viterbi(
    emissions: &[[f32; N]],
    t: &Transitions,
    scratch: &mut Scratch,
    out: &mut Vec<Label>,
) {
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let alpha = &mut scratch.alpha;
    let back = &mut scratch.back;
    alpha.clear();
    back.clear();
    alpha.resize(n, [f32::NEG_INFINITY; N]);
    back.resize(n, [0; N]);
    for y in 0..N {
        alpha[0][y] = t.start[y] + emissions[0][y];
    }
    for i in 1..n {
        let prev = alpha[i - 1];
        let mut best = [f32::NEG_INFINITY; N];
        let mut arg = [0u8; N];
        for p in 0..N {
            let ap = prev[p];
            let row = &t.trans[p];
            for y in 0..N {
                let s = ap + row[y];
                if s > best[y] {
                    best[y] = s;
                    arg[y] = p as u8;
                }
            }
        }
        for y in 0..N {
            alpha[i][y] = best[y] + emissions[i][y];
        }
        back[i] = arg;
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0usize;
    for y in 0..N {
        let s = alpha[n - 1][y] + t.end[y];
        if s > best {
            best = s;
            arg = y;
        }
    }
    let base = out.len();
    out.resize(base + n, Label::O);
    let mut y = arg;
    for i in (0..n).rev() {
        out[base + i] = Label(y as u8);
        y = usize::from(back[i][y]);
    }
}

/// Per-token margins of a decoded sequence: how much the best path loses when token `i`
/// must take another label (max-marginals from a forward and a backward pass).
/// Call right after [`viterbi`] with the same scratch and masked transitions.
pub(crate) fn margins(
    emissions: &[[f32; N]],
    t: &Transitions,
    labels: &[Label],
    scratch: &mut Scratch,
    out: &mut Vec<f32>,
) {
    let n = emissions.len();
    out.clear();
    if n == 0 || labels.len() != n || scratch.alpha.len() != n {
        out.resize(n, 0.0);
        return;
    }
    let beta = &mut scratch.beta;
    beta.clear();
    beta.resize(n, [f32::NEG_INFINITY; N]);
    beta[n - 1] = t.end;
    for i in (0..n - 1).rev() {
        let mut next = [0f32; N];
        for y in 0..N {
            next[y] = beta[i + 1][y] + emissions[i + 1][y];
        }
        let mut b = [f32::NEG_INFINITY; N];
        for p in 0..N {
            let row = &t.trans[p];
            let mut m = f32::NEG_INFINITY;
            for y in 0..N {
                m = m.max(next[y] + row[y]);
            }
            b[p] = m;
        }
        beta[i] = b;
    }
    for i in 0..n {
        let chosen = labels[i].index();
        let best = scratch.alpha[i][chosen] + beta[i][chosen];
        let mut second = f32::NEG_INFINITY;
        for y in 0..N {
            if y != chosen {
                second = second.max(scratch.alpha[i][y] + beta[i][y]);
            }
        }
        out.push(if second == f32::NEG_INFINITY {
            f32::INFINITY
        } else {
            best - second
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::labels::{ConllType, Position};
    use super::*;

    fn emit(scores: &[(usize, f32)]) -> [f32; N] {
        let mut e = [0.0; N];
        for &(y, s) in scores {
            e[y] = s;
        }
        e
    }

    fn decode(em: &[[f32; N]], t: &Transitions) -> Vec<Label> {
        let mut out = Vec::new();
        viterbi(em, &t.masked(), &mut Scratch::default(), &mut out);
        out
    }

    #[test]
    fn never_leaves_an_entity_open() {
        // Token 0 strongly wants B-PER, token 1 strongly wants O: B-PER O is invalid,
        // so the decoder must choose a valid compromise.
        let b = Label::new(ConllType::Per, Position::Begin).index();
        let em = [emit(&[(b, 5.0)]), emit(&[(0, 5.0)])];
        let labels = decode(&em, &Transitions::default());
        for w in labels.windows(2) {
            assert!(w[0].can_precede(w[1]), "{labels:?}");
        }
        assert!(labels[0].can_start() && labels[1].can_end());
    }

    #[test]
    fn toy_model_picks_the_best_valid_path() {
        let b = Label::new(ConllType::Per, Position::Begin);
        let l = Label::new(ConllType::Per, Position::Last);
        let u = Label::new(ConllType::Loc, Position::Unit);
        let em = [
            emit(&[(b.index(), 2.0), (u.index(), 1.5)]),
            emit(&[(l.index(), 2.0)]),
            emit(&[(0, 1.0)]),
        ];
        assert_eq!(decode(&em, &Transitions::default()), vec![b, l, Label::O]);
        // A transition penalty can overturn the emissions.
        let mut t = Transitions::default();
        t.trans[b.index()][l.index()] = -10.0;
        let got = decode(&em, &t);
        assert_eq!(got[0], u);
        let mut m = Vec::new();
        let mut s = Scratch::default();
        let mut out = Vec::new();
        let t = t.masked();
        viterbi(&em, &t, &mut s, &mut out);
        margins(&em, &t, &out, &mut s, &mut m);
        assert_eq!(m.len(), 3);
        assert!(m.iter().all(|&x| x >= 0.0));
    }

    #[test]
    fn empty_input() {
        assert!(decode(&[], &Transitions::default()).is_empty());
    }
}
