//! `summit analyze` as a user runs it: files, stdin, formats, bad inputs, exit status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const ARTICLE: &str = "Leaders meet in Geneva\n\n\
    GENEVA \u{2014} The two presidents met for four hours on Wednesday.\n\n\
    \u{201c}We had a frank conversation,\u{201d} the first president told reporters.\n";

/// A belief ("fears that …") next to a statement ("… said"): only `--attitudes` reports
/// the belief.
const ATTITUDES: &str = "Trade talks in Lagos\n\n\
    Chidi Okafor fears that the talks will fail. \
    The delegations will meet again on Monday, a spokeswoman said.\n";

fn summit() -> Command {
    Command::new(env!("CARGO_BIN_EXE_summit"))
}

/// A scratch directory for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

#[test]
fn one_line_per_input_in_order_with_errors_in_place() {
    let dir = scratch("order");
    let mut files = Vec::new();
    for i in 0..25 {
        let path = dir.join(format!("{i:02}.txt"));
        let content: Vec<u8> = match i {
            3 => Vec::new(),
            7 => b"caf\xe9".to_vec(),
            11 => b"\x00\x01\x02binary".to_vec(),
            13 => b"  \n\t\n".to_vec(),
            _ => format!("Story {i}\n\nBody of story number {i}.").into_bytes(),
        };
        std::fs::write(&path, content).unwrap();
        files.push(path);
    }
    files.insert(5, dir.join("missing.txt"));
    let out = summit().arg("analyze").args(&files).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "bad inputs make the status non-zero"
    );
    let lines = lines(&out);
    assert_eq!(lines.len(), files.len(), "never a missing line");
    for (line, file) in lines.iter().zip(&files) {
        assert_eq!(line["id"], file.display().to_string());
        let expected_kind = match file.file_name().unwrap().to_str().unwrap() {
            "03.txt" => Some("empty"),
            "07.txt" => Some("invalid_utf8"),
            "11.txt" => Some("binary"),
            "13.txt" => Some("no_text"),
            "missing.txt" => Some("io"),
            _ => None,
        };
        match expected_kind {
            Some(kind) => {
                assert_eq!(line["error"]["kind"], kind, "{line}");
                assert!(line["error"]["message"].as_str().unwrap().len() > 5);
            }
            None => assert!(line.get("error").is_none() && line["paragraphs"].is_array()),
        }
    }
}

#[test]
fn documents_are_the_cores() {
    let dir = scratch("core");
    let path = dir.join("geneva.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = summit().arg("analyze").arg(&path).output().unwrap();
    assert!(out.status.success());
    let id = path.display().to_string();
    let expected = summit_core::analyze(&id, ARTICLE.as_bytes()).unwrap();
    assert_eq!(lines(&out), vec![serde_json::to_value(expected).unwrap()]);
}

#[test]
fn stdin_is_read_for_a_dash_or_no_file() {
    for args in [&["analyze"][..], &["analyze", "-"][..]] {
        let mut child = summit()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(ARTICLE.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let lines = lines(&out);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["id"], "-");
        assert_eq!(lines[0]["title"], "Leaders meet in Geneva");
    }
}

#[test]
fn options_reach_the_core() {
    let dir = scratch("options");
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"Gen\xe8ve talks\n\nThe talks in Gen\xe8ve ended.").unwrap();
    let strict = summit().arg("analyze").arg(&path).output().unwrap();
    assert_eq!(lines(&strict)[0]["error"]["kind"], "invalid_utf8");
    let lossy = summit()
        .args(["analyze", "--lossy"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(lossy.status.success());
    assert!(
        lines(&lossy)[0]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("U+FFFD")
    );
    let small = summit()
        .args(["analyze", "--max-bytes", "10"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(lines(&small)[0]["error"]["kind"], "too_large");
}

#[test]
fn attitudes_are_reported_only_when_asked() {
    let dir = scratch("attitudes");
    let path = dir.join("lagos.txt");
    std::fs::write(&path, ATTITUDES).unwrap();
    let cues = |args: &[&str]| -> Vec<String> {
        let out = summit().args(args).arg(&path).output().unwrap();
        assert!(out.status.success());
        lines(&out)[0]["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["cue"]["text"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(cues(&["analyze"]), ["said"]);
    assert_eq!(cues(&["analyze", "--attitudes"]), ["fears", "said"]);

    let out = summit()
        .args(["analyze", "--attitudes"])
        .arg(&path)
        .output()
        .unwrap();
    let quote = &lines(&out)[0]["quotes"][0];
    assert_eq!(quote["kind"], "indirect");
    assert_eq!(quote["text"], "the talks will fail");
    assert_eq!(quote["speaker"]["name"], "Chidi Okafor");
}

#[test]
fn pretty_summarises_documents_and_errors() {
    let dir = scratch("pretty");
    let path = dir.join("geneva.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = summit()
        .args(["analyze", "--format", "pretty"])
        .arg(&path)
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Title       Leaders meet in Geneva"),
        "{text}"
    );
    assert!(text.contains("Paragraphs  "), "{text}");
    assert!(text.contains("error (io): cannot read"), "{text}");
}

#[test]
fn an_unreachable_server_is_a_usage_failure() {
    let out = summit()
        .args(["analyze", "--remote", "http://127.0.0.1:9", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot connect"));
}

#[test]
fn a_panic_on_one_file_is_its_error_line_and_the_run_goes_on() {
    let dir = scratch("panic");
    let files: Vec<PathBuf> = (0..300)
        .map(|i| {
            let path = dir.join(format!("{i:03}.txt"));
            let body = match i {
                // The sentence that once took down whole runs, analysed for real.
                5 => "Wien\n\nDie Österreichische Plattform für Alleinerziehende (ÖPA) hat den Aufruf unterstützt.".to_owned(),
                // Made to panic through the test-only fault injection.
                123 | 250 => format!("Story {i}\n\nThis one holds FAULT-7f3a in its body."),
                _ => format!("Story {i}\n\nThe delegates met for the {i}th time."),
            };
            std::fs::write(&path, body).unwrap();
            path
        })
        .collect();
    let out = summit()
        .env("SUMMIT_FAULT_INJECT", "FAULT-7f3a")
        .arg("analyze")
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "an internal error fails the run at the end"
    );
    let lines = lines(&out);
    assert_eq!(lines.len(), 300, "every input has its line");
    for (i, (line, path)) in lines.iter().zip(&files).enumerate() {
        assert_eq!(line["id"], path.display().to_string());
        if i == 123 || i == 250 {
            assert_eq!(line["error"]["kind"], "internal", "line {i}: {line}");
            let message = line["error"]["message"].as_str().unwrap();
            assert!(!message.contains("FAULT") && !message.contains("panicked"));
        } else {
            assert!(line.get("error").is_none(), "line {i}: {line}");
        }
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("internal error at"), "{stderr}");
    assert!(
        !stderr.contains("FAULT-7f3a"),
        "the panic text reached stderr: {stderr}"
    );
}
