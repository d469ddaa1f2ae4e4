//! `summit train ner`: builds the named-entity model that ships inside summit-core.
//!
//! 1. Word clusters: exchange clustering over the unlabelled text in `../shared` (BBC
//!    corpus, PolNeAR texts, the AEB article bodies, the CIA World Factbook prose, and the
//!    tokens of the CoNLL training set, wikigold and re3d).
//! 2. Gazetteers: names from the CIA World Factbook (countries, capitals, nationalities,
//!    administrative divisions, parties, leaders, international organisations).
//! 3. The tagger: two averaged-perceptron passes on CoNLL-2003 `eng.train` (plus, on
//!    request, wikigold and re3d), progress measured on `eng.testa` only.
//!
//! Deterministic: the same data and options give the same bytes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use summit_core::entities::tagger::conll;
use summit_core::entities::tagger::train::{self, Resources, TrainConfig, TrainDoc};
use summit_core::entities::tagger::{
    ClusterConfig, ClusterCorpus, ClusterTable, ConllType, Gazetteer, LEVELS, Tagger,
};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Train the named-entity model from ../shared/ner and the gazetteers.
    Ner(NerArgs),
}

#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared")]
    shared: PathBuf,
    /// Where to write `ner.bin`.
    #[arg(long, default_value = "crates/summit-core/model")]
    out: PathBuf,
    /// Epochs of the first and second pass (tuned on eng.testa).
    #[arg(long, value_delimiter = ',', default_values_t = [10usize, 10])]
    epochs: Vec<usize>,
    /// Jackknife folds for the second pass's training labels.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Perceptrons averaged per pass, each with its own shuffles.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Seed of the shuffles (training is deterministic for a seed).
    #[arg(long, default_value_t = 0x5EED)]
    seed: u64,
    /// Drop features whose largest averaged weight is below this.
    #[arg(long, default_value_t = 0.0)]
    min_weight: f32,
    /// Train without word clusters (ablation).
    #[arg(long)]
    no_clusters: bool,
    /// Train without gazetteers (ablation).
    #[arg(long)]
    no_gazetteer: bool,
    /// The resolve stage's word lists, used as gazetteers too (`none`: skip them).
    #[arg(long, default_value = "crates/summit-core/data/lexicons")]
    lexicons: PathBuf,
    /// Train the first pass only (ablation of the document-level features).
    #[arg(long)]
    first_pass_only: bool,
    /// Extra training sets: `wikigold`, `re3d`, or `none`.
    #[arg(long, value_delimiter = ',', default_value = "wikigold")]
    extra: Vec<String>,
    /// Read the clusters from / write them to this file (a cache to skip reclustering).
    #[arg(long)]
    cluster_cache: Option<PathBuf>,
    /// Exchange-clustering passes per granularity.
    #[arg(long, default_value_t = 8)]
    cluster_iterations: usize,
    /// Cluster counts at the four granularities.
    #[arg(long, value_delimiter = ',', default_values_t = [16usize, 64, 256, 1024])]
    cluster_sizes: Vec<usize>,
    /// Number of frequent words whose scores the tagger precomputes at load.
    #[arg(long, default_value_t = 10000)]
    frequent: usize,
    /// Use only the first N training documents (quick iterations).
    #[arg(long)]
    subsample: Option<usize>,
}

pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Ner(args) => ner(args),
    }
}

fn read_conll(path: &Path) -> anyhow::Result<Vec<conll::ConllDocument>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(conll::read(&text))
}

/// Files under `dir` (recursively) whose name ends with `suffix`, sorted.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(suffix) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn ner(args: NerArgs) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let ner_dir = args.shared.join("ner");
    let mut train_docs = train::from_conll(
        &read_conll(&ner_dir.join("conll2003/eng.train"))?,
        ConllType::parse,
    );
    if let Some(n) = args.subsample {
        train_docs.truncate(n);
    }
    let dev_docs = train::from_conll(
        &read_conll(&ner_dir.join("conll2003/eng.testa"))?,
        ConllType::parse,
    );
    let extras: Vec<&String> = args.extra.iter().filter(|e| *e != "none").collect();
    for extra in &extras {
        match extra.as_str() {
            "wikigold" => train_docs.extend(train::from_conll(
                &read_conll(&ner_dir.join("wikigold/wikigold.conll.txt"))?,
                ConllType::parse,
            )),
            "re3d" => {
                for f in files(&ner_dir.join("re3d"), ".conll") {
                    train_docs.extend(train::from_conll(&read_conll(&f)?, ConllType::from_re3d));
                }
            }
            other => anyhow::bail!("unknown extra training set {other:?} (wikigold, re3d)"),
        }
    }
    eprintln!(
        "training documents: {} ({} tokens); dev (eng.testa): {} documents",
        train_docs.len(),
        train_docs.iter().map(TrainDoc::tokens).sum::<usize>(),
        dev_docs.len()
    );

    let (clusters, by_frequency) = if args.no_clusters {
        (ClusterTable::default(), words_by_frequency(&train_docs))
    } else {
        let sizes: [usize; LEVELS] = args
            .cluster_sizes
            .clone()
            .try_into()
            .map_err(|_| anyhow::anyhow!("--cluster-sizes takes {LEVELS} numbers"))?;
        let config = ClusterConfig {
            sizes,
            iterations: args.cluster_iterations,
            ..ClusterConfig::default()
        };
        build_clusters(&args.shared, &config, args.cluster_cache.as_deref())?
    };
    eprintln!(
        "clusters: {} words ({:.1}s)",
        clusters.len(),
        t0.elapsed().as_secs_f64()
    );
    let gazetteer = if args.no_gazetteer {
        Gazetteer::default()
    } else {
        build_gazetteer(&args.shared, &args.lexicons)?
    };
    eprintln!(
        "gazetteer: {} keys in lists {:?}",
        gazetteer.len(),
        gazetteer.list_names()
    );

    let [e1, e2] = <[usize; 2]>::try_from(args.epochs.clone())
        .map_err(|_| anyhow::anyhow!("--epochs takes two numbers"))?;
    let info = format!(
        "summit NER model: averaged perceptron, 2 passes ({e1}+{e2} epochs); trained on CoNLL-2003 eng.train{}{}; clusters {}; gazetteer {}",
        if extras.is_empty() { "" } else { " + " },
        extras
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
        if args.no_clusters {
            "none".to_owned()
        } else {
            format!("exchange {:?}", args.cluster_sizes)
        },
        if args.no_gazetteer {
            "none"
        } else {
            "CIA World Factbook"
        },
    );
    let cfg = TrainConfig {
        epochs: [e1, e2],
        folds: args.folds,
        min_weight: args.min_weight,
        info,
        first_pass_only: args.first_pass_only,
        seed: args.seed,
        runs: args.runs,
    };
    let model = train::train(
        &train_docs,
        &dev_docs,
        Resources {
            clusters,
            gazetteer,
            frequent: by_frequency.into_iter().take(args.frequent).collect(),
        },
        &cfg,
        &mut |line| eprintln!("  {line}"),
    );
    let bytes = model.to_bytes();
    let train_secs = t0.elapsed().as_secs_f64();
    std::fs::create_dir_all(&args.out)?;
    let path = args.out.join("ner.bin");
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;

    let t1 = Instant::now();
    let tagger = Tagger::from_bytes(&bytes)?;
    let load_ms = t1.elapsed().as_secs_f64() * 1000.0;
    let score = train::evaluate(&tagger, &dev_docs, args.first_pass_only);
    println!(
        "wrote {} ({:.2} MB, {} features, load {load_ms:.1} ms)",
        path.display(),
        bytes.len() as f64 / 1e6,
        model.num_features()
    );
    println!("training time: {train_secs:.1} s");
    println!("eng.testa:\n{}", score.report());
    Ok(ExitCode::SUCCESS)
}

/// Sentences of tokens exactly as the product sees them at run time (the cleaner, then the
/// segmenter), so that clusters and gazetteer entries are keyed by run-time tokens.
pub fn product_sentences(text: &str) -> Vec<Vec<String>> {
    let cleaned = summit_core::clean::clean(text);
    let seg = summit_core::segment::segment(&cleaned.text, &cleaned.block_spans());
    seg.sentences
        .iter()
        .map(|s| {
            seg.tokens[s.tokens.clone()]
                .iter()
                .map(|t| t.text(&cleaned.text).to_owned())
                .collect()
        })
        .collect()
}

/// The tokens of one name or phrase (a gazetteer entry), as the segmenter splits them.
fn phrase_tokens(phrase: &str) -> Vec<String> {
    let seg = summit_core::segment::segment(phrase, &[summit_core::Span::new(0, phrase.len())]);
    seg.tokens
        .iter()
        .map(|t| t.text(phrase).to_owned())
        .collect()
}

/// Strips HTML tags and the few entities the Factbook uses.
fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&rsquo;", "’")
        .replace("&lsquo;", "‘")
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&eacute;", "é")
        .replace("&amp;", "&")
        .replace('\u{a0}', " ")
}

fn json_texts(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(strip_html(s)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_texts(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| json_texts(x, out)),
        _ => {}
    }
}

/// Training-set words, most frequent first (ties by spelling).
fn words_by_frequency(docs: &[TrainDoc]) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for t in docs
        .iter()
        .flat_map(|d| &d.sentences)
        .flat_map(|s| &s.tokens)
    {
        *counts.entry(t.as_str()).or_default() += 1;
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().map(|(w, _)| w.to_owned()).collect()
}

/// The clusters, and the clustered words in frequency order.
fn build_clusters(
    shared: &Path,
    config: &ClusterConfig,
    cache: Option<&Path>,
) -> anyhow::Result<(ClusterTable, Vec<String>)> {
    let t0 = Instant::now();
    let mut corpus = ClusterCorpus::default();
    let ner = shared.join("ner");
    for f in [
        ner.join("conll2003/eng.train"),
        ner.join("wikigold/wikigold.conll.txt"),
    ] {
        for d in read_conll(&f)? {
            for s in d.sentences {
                corpus.add_sentence(&s.tokens);
            }
        }
    }
    for f in files(&ner.join("re3d"), ".conll") {
        for d in read_conll(&f)? {
            for s in d.sentences {
                corpus.add_sentence(&s.tokens);
            }
        }
    }
    let mut raw = 0usize;
    for dir in [
        shared.join("corpus/bbc"),
        shared.join("quotes/polnear/data/train/text"),
        shared.join("quotes/polnear/data/dev/text"),
    ] {
        for f in files(&dir, ".txt") {
            let text = std::fs::read(&f)?;
            for s in product_sentences(&String::from_utf8_lossy(&text)) {
                corpus.add_sentence(&s);
            }
            raw += 1;
        }
    }
    if let Ok(gt) = std::fs::read_to_string(shared.join("html/aeb/ground-truth.json"))
        && let Ok(v) = serde_json::from_str::<serde_json::Value>(&gt)
        && let Some(o) = v.as_object()
    {
        for (_, d) in o {
            if let Some(body) = d.get("articleBody").and_then(|b| b.as_str()) {
                for s in product_sentences(body) {
                    corpus.add_sentence(&s);
                }
            }
        }
    }
    for f in files(&shared.join("gazetteers/factbook"), ".json") {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&f)?)?;
        let mut texts = Vec::new();
        json_texts(&v, &mut texts);
        for t in texts {
            for s in product_sentences(&t) {
                corpus.add_sentence(&s);
            }
        }
    }
    eprintln!(
        "cluster corpus: {} tokens, {} types, {} sentences ({raw} text files; {:.1}s)",
        corpus.tokens(),
        corpus.types(),
        corpus.sentences(),
        t0.elapsed().as_secs_f64()
    );
    let caps = corpus.capitalisation(3);
    eprintln!("capitalisation classes: {} words", caps.len());
    if let Some(c) = cache
        && let Ok(text) = std::fs::read_to_string(c)
    {
        let mut words = Vec::new();
        for line in text.lines() {
            let mut f = line.split('\t');
            let (Some(w), Some(ids)) = (f.next(), f.next()) else {
                continue;
            };
            let ids: Vec<u16> = ids.split(',').filter_map(|x| x.parse().ok()).collect();
            if let Ok(ids) = <[u16; LEVELS]>::try_from(ids) {
                words.push((w.to_owned(), ids));
            }
        }
        eprintln!("clusters read from {}", c.display());
        let table = ClusterTable::from_words(words.iter().map(|(w, i)| (w.as_str(), *i)))
            .with_capitalisation(caps.iter().map(|(w, c)| (w.as_str(), *c)));
        return Ok((table, words.into_iter().map(|(w, _)| w).collect()));
    }
    let words = corpus.cluster(config);
    eprintln!(
        "clustered {} words in {:.1}s",
        words.len(),
        t0.elapsed().as_secs_f64()
    );
    if let Some(c) = cache {
        let mut text = String::new();
        for (w, ids) in &words {
            let ids: Vec<String> = ids.iter().map(u16::to_string).collect();
            text += &format!("{w}\t{}\n", ids.join(","));
        }
        std::fs::write(c, text)?;
    }
    let table = ClusterTable::from_words(words.iter().map(|(w, i)| (w.as_str(), *i)))
        .with_capitalisation(caps.iter().map(|(w, c)| (w.as_str(), *c)));
    Ok((table, words.into_iter().map(|(w, _)| w).collect()))
}

/// `Frank-Walter STEINMEIER` → `Frank-Walter Steinmeier`.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

fn text_at<'a>(v: &'a serde_json::Value, path: &[&str]) -> Option<&'a str> {
    let mut v = v;
    for p in path {
        v = v.get(*p)?;
    }
    v.get("text")?.as_str()
}

/// Gazetteer lists from the lexicons of the entity stage (`crates/summit-core/data/lexicons`):
/// one list per file (the `heads` file: one per kind); each line's first column, and for
/// files with variants the `|`-separated second column.
fn lexicon_lists(dir: &Path) -> anyhow::Result<Vec<(String, BTreeSet<String>)>> {
    let mut lists: Vec<(String, BTreeSet<String>)> = Vec::new();
    let with_variants = [
        "countries",
        "country_variants",
        "locations",
        "norp",
        "organizations",
        "parties",
        "misc",
        "seats",
    ];
    for f in files(dir, ".tsv") {
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&f)?;
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let name = match stem.as_str() {
                "country_variants" => "countries".to_owned(),
                "given_names" => "first_names".to_owned(),
                "heads" => format!("head_{}", cols.get(1).unwrap_or(&"")),
                _ => stem.clone(),
            };
            let mut entries = vec![cols[0].to_owned()];
            if with_variants.contains(&stem.as_str())
                && let Some(v) = cols.get(1)
            {
                entries.extend(v.split('|').map(str::to_owned));
            }
            let list = match lists.iter().position(|(n, _)| *n == name) {
                Some(i) => i,
                None => {
                    lists.push((name, BTreeSet::new()));
                    lists.len() - 1
                }
            };
            lists[list]
                .1
                .extend(entries.into_iter().filter(|e| !e.is_empty()));
        }
    }
    lists.sort();
    Ok(lists)
}

/// Gazetteer lists from the CIA World Factbook and the entity stage's lexicons.
fn build_gazetteer(shared: &Path, lexicons: &Path) -> anyhow::Result<Gazetteer> {
    let mut lists: [(&str, BTreeSet<String>); 7] = [
        ("country", BTreeSet::new()),
        ("city", BTreeSet::new()),
        ("nationality", BTreeSet::new()),
        ("region", BTreeSet::new()),
        ("party", BTreeSet::new()),
        ("person", BTreeSet::new()),
        ("organisation", BTreeSet::new()),
    ];
    let clean = |s: &str| -> String {
        let s = strip_html(s);
        let s = s
            .split('(')
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches(['.', ';', ',']);
        s.to_owned()
    };
    for f in files(&shared.join("gazetteers/factbook"), ".json") {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&f)?)?;
        let g = &v["Government"];
        for form in [
            "conventional short form",
            "conventional long form",
            "local short form",
            "former",
        ] {
            if let Some(t) = text_at(g, &["Country name", form]) {
                for part in t.split(';') {
                    let n = clean(part);
                    if n != "none" && !n.is_empty() {
                        lists[0].1.insert(n);
                    }
                }
            }
        }
        if let Some(t) = text_at(g, &["Capital", "name"]) {
            for part in t.split([';', ',']) {
                let n = clean(part);
                if !n.is_empty() && n.chars().next().is_some_and(char::is_uppercase) {
                    lists[1].1.insert(n);
                }
            }
        }
        for form in ["noun", "adjective"] {
            if let Some(t) = text_at(&v["People and Society"], &["Nationality", form]) {
                for part in t.split([',', ';']) {
                    let n = clean(part).replace("(s)", "");
                    let n = n.trim().trim_start_matches("or ").to_owned();
                    if !n.is_empty() && n.chars().next().is_some_and(char::is_uppercase) {
                        lists[2].1.insert(n.trim_end_matches("(s)").to_owned());
                    }
                }
            }
        }
        if let Some(t) = text_at(g, &["Administrative divisions"]) {
            let t = strip_html(t);
            let t = t.split_once(';').map_or(t.as_str(), |x| x.1);
            for part in t.split([',', ';']) {
                let n = part
                    .split('(')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches('*');
                if n.chars().next().is_some_and(char::is_uppercase) && n.len() < 40 {
                    lists[3].1.insert(n.to_owned());
                }
            }
        }
        if let Some(t) = text_at(g, &["Political parties"]) {
            for part in strip_html(t).split("  ").flat_map(|p| p.split('\n')) {
                for name in part.split(" or ") {
                    let n = clean(name);
                    if n.len() > 1
                        && n.len() < 60
                        && n.chars().next().is_some_and(char::is_uppercase)
                    {
                        lists[4].1.insert(n);
                    }
                }
            }
        }
        for key in ["chief of state", "head of government"] {
            if let Some(t) = text_at(g, &["Executive branch", key]) {
                for part in strip_html(t).split(';') {
                    // "President Frank-Walter STEINMEIER (since …)": the name is the
                    // capitalised words ending with the upper-case surname.
                    let words: Vec<&str> = part
                        .split('(')
                        .next()
                        .unwrap_or("")
                        .split_whitespace()
                        .collect();
                    if let Some(last) = words
                        .iter()
                        .rposition(|w| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()))
                    {
                        let mut first = last;
                        while first > 0
                            && words[first - 1]
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase)
                            && first + 3 > last
                        {
                            first -= 1;
                        }
                        // Skip the title ("President", "Prime Minister").
                        let name: Vec<&str> = words[first..=last]
                            .iter()
                            .copied()
                            .filter(|w| {
                                ![
                                    "President",
                                    "Prime",
                                    "Minister",
                                    "Chancellor",
                                    "King",
                                    "Queen",
                                    "Emir",
                                    "Sultan",
                                    "Governor",
                                    "General",
                                    "Premier",
                                    "Chairman",
                                ]
                                .contains(w)
                            })
                            .collect();
                        if !name.is_empty() {
                            lists[5].1.insert(title_case(&name.join(" ")));
                        }
                    }
                }
            }
        }
        if let Some(t) = text_at(g, &["International organization participation"]) {
            for part in strip_html(t).split(',') {
                let n = clean(part);
                if n.len() > 1 && n.chars().next().is_some_and(char::is_uppercase) {
                    lists[6].1.insert(n);
                }
            }
        }
    }
    let mut g = Gazetteer::default();
    for (name, entries) in &lists {
        let toks: Vec<Vec<String>> = entries
            .iter()
            .map(|e| phrase_tokens(e))
            .filter(|t| !t.is_empty())
            .collect();
        g.add_list(name, &toks);
    }
    if lexicons != Path::new("none") {
        for (name, entries) in lexicon_lists(lexicons)? {
            let toks: Vec<Vec<String>> = entries
                .iter()
                .map(|e| {
                    summit_core::entities::lexicon::tokenize_phrase(e)
                        .into_iter()
                        .map(str::to_owned)
                        .collect()
                })
                .collect();
            if !g.add_list(&format!("lexicon:{name}"), &toks) {
                eprintln!("gazetteer: too many lists, {name} left out");
            }
        }
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlabelled_text_is_tokenised_like_run_time_text() {
        let s = product_sentences("Mr. Putin's aide said: \"It isn't over,\" in the U.S. today.");
        assert_eq!(
            s[0],
            [
                "Mr.", "Putin", "'s", "aide", "said", ":", "\"", "It", "is", "n't", "over", ",",
                "\"", "in", "the", "U.S.", "today", "."
            ]
        );
        assert_eq!(
            phrase_tokens("Bosnia and Herzegovina"),
            ["Bosnia", "and", "Herzegovina"]
        );
    }

    #[test]
    fn title_case_of_factbook_names() {
        assert_eq!(
            title_case("Frank-Walter STEINMEIER"),
            "Frank-Walter Steinmeier"
        );
        assert_eq!(title_case("O'NEILL"), "O'Neill");
    }
}
