//! The server over real loopback TCP, called with real tonic clients.

use std::net::SocketAddr;

use summit_core::Limits;
use summit_grpc::pb::analyzer_client::AnalyzerClient;
use summit_grpc::pb::{self, analyze_result};
use summit_grpc::{Error, ServerConfig, client::Client, error::ERROR_KIND_KEY, server};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tonic::Code;
use tonic::transport::Channel;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

const ARTICLE: &str = "Leaders meet in Geneva\n\n\
    GENEVA (Wire) \u{2014} The two presidents met for four hours on Wednesday.\n\n\
    \u{201c}We had a frank conversation,\u{201d} the first president told reporters.\n";

/// A belief ("fears that …") next to a statement ("… said"): only the `attitudes` option
/// reports the belief.
const ATTITUDES: &str = "Trade talks in Lagos\n\n\
    Chidi Okafor fears that the talks will fail. \
    The delegations will meet again on Monday, a spokeswoman said.\n";

struct Running {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<summit_grpc::Result<()>>,
}

impl Running {
    async fn start(config: ServerConfig) -> Running {
        let listener = server::bind(&config).await.expect("bind");
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            server::serve(listener, &config, async {
                let _ = stopped.await;
            })
            .await
        });
        Running { addr, stop, task }
    }

    async fn default() -> Running {
        Running::start(ServerConfig {
            addr: "127.0.0.1:0".parse().unwrap(),
            ..ServerConfig::default()
        })
        .await
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    async fn channel(&self) -> Channel {
        Channel::from_shared(self.url())
            .unwrap()
            .connect()
            .await
            .expect("connect")
    }

    async fn raw_client(&self) -> AnalyzerClient<Channel> {
        AnalyzerClient::connect(self.url())
            .await
            .expect("connect")
            .max_decoding_message_size(64 << 20)
    }

    async fn shutdown(self) {
        self.stop.send(()).unwrap();
        self.task
            .await
            .expect("server task")
            .expect("server stops cleanly");
    }
}

fn request(id: &str, content: &[u8]) -> pb::AnalyzeRequest {
    pb::AnalyzeRequest {
        id: id.to_owned(),
        content: content.to_vec(),
        lossy_utf8: false,
        attitudes: false,
    }
}

/// The bad inputs every surface must refuse, with the kind each must report.
fn bad_inputs() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        ("empty", Vec::new(), "empty"),
        ("whitespace", b" \n\t\r\n \xc2\xa0 \n".to_vec(), "no_text"),
        (
            "binary",
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00".to_vec(),
            "binary",
        ),
        (
            "invalid-utf8",
            b"Talks in Gen\xe8ve ended.".to_vec(),
            "invalid_utf8",
        ),
        (
            "over-limit",
            vec![b'a'; Limits::DEFAULT_MAX_INPUT_BYTES + 1],
            "too_large",
        ),
    ]
}

#[tokio::test]
async fn a_good_article_comes_back_as_the_core_document() {
    let server = Running::default().await;
    let mut client = Client::connect(server.url()).await.unwrap();
    let doc = client
        .analyze("geneva", ARTICLE.as_bytes().to_vec(), false, false)
        .await
        .expect("analysis succeeds");
    let local = summit_core::analyze("geneva", ARTICLE.as_bytes()).unwrap();
    assert_eq!(doc, local, "the wire loses nothing");
    assert_eq!(doc.id, "geneva");
    assert!(!doc.paragraphs.is_empty());
    for p in &doc.paragraphs {
        assert!(ARTICLE.is_char_boundary(p.span.start) && ARTICLE.is_char_boundary(p.span.end));
    }
    server.shutdown().await;
}

#[tokio::test]
async fn each_bad_input_is_invalid_argument_with_the_core_reason() {
    let server = Running::default().await;
    let mut raw = server.raw_client().await;
    for (id, content, kind) in bad_inputs() {
        let status = raw.analyze(request(id, &content)).await.expect_err(id);
        assert_eq!(status.code(), Code::InvalidArgument, "{id}: {status:?}");
        let core = summit_core::analyze(id, &content).unwrap_err();
        assert_eq!(status.message(), core.to_string(), "{id}");
        assert_eq!(
            status
                .metadata()
                .get(ERROR_KIND_KEY)
                .unwrap()
                .to_str()
                .unwrap(),
            kind,
            "{id}"
        );
        // The client reads the status back into the same kind and message.
        match Error::from(status) {
            Error::Rejected { kind: k, message } => {
                assert_eq!(k, kind);
                assert_eq!(message, core.to_string());
            }
            other => panic!("{id}: {other:?}"),
        }
    }
    server.shutdown().await;
}

#[tokio::test]
async fn lossy_decoding_is_per_request() {
    let server = Running::default().await;
    let mut raw = server.raw_client().await;
    let content = b"Talks in Gen\xe8ve\n\nThe talks in Gen\xe8ve ended on Friday.".to_vec();
    let doc = raw
        .analyze(pb::AnalyzeRequest {
            id: "lossy".into(),
            content,
            lossy_utf8: true,
            attitudes: false,
        })
        .await
        .expect("lossy decoding accepts invalid UTF-8")
        .into_inner()
        .document
        .unwrap();
    assert!(doc.warnings.iter().any(|w| w.contains("U+FFFD")));
    server.shutdown().await;
}

#[tokio::test]
async fn attitudes_are_per_request() {
    let server = Running::default().await;
    let mut raw = server.raw_client().await;
    let cues = |doc: &pb::Document| -> Vec<String> {
        doc.quotes
            .iter()
            .map(|q| q.cue.as_ref().unwrap().text.clone())
            .collect()
    };
    let mut with_attitudes = request("lagos", ATTITUDES.as_bytes());
    with_attitudes.attitudes = true;
    for (request, expected) in [
        (request("lagos", ATTITUDES.as_bytes()), &["said"][..]),
        (with_attitudes.clone(), &["fears", "said"][..]),
    ] {
        let doc = raw
            .analyze(request)
            .await
            .unwrap()
            .into_inner()
            .document
            .unwrap();
        assert_eq!(cues(&doc), expected);
    }
    // The same in a batch, request by request, and through the client.
    let results = raw
        .analyze_batch(pb::AnalyzeBatchRequest {
            requests: vec![request("plain", ATTITUDES.as_bytes()), with_attitudes],
        })
        .await
        .unwrap()
        .into_inner()
        .results;
    let counts: Vec<usize> = results
        .iter()
        .map(|r| match r.result.as_ref().unwrap() {
            analyze_result::Result::Document(doc) => doc.quotes.len(),
            analyze_result::Result::Error(err) => panic!("{err:?}"),
        })
        .collect();
    assert_eq!(counts, [1, 2]);
    let mut client = Client::connect(server.url()).await.unwrap();
    let doc = client
        .analyze("lagos", ATTITUDES.as_bytes().to_vec(), false, true)
        .await
        .unwrap();
    let local = summit_core::Analyzer::default()
        .with_quote_options(summit_core::quotes::Options { attitudes: true })
        .analyze("lagos", ATTITUDES.as_bytes())
        .unwrap();
    assert_eq!(doc, local, "the option reaches the core");
    assert_eq!(doc.quotes[0].cue.as_ref().unwrap().text, "fears");
    server.shutdown().await;
}

#[tokio::test]
async fn a_batch_keeps_order_and_errors_in_place() {
    let server = Running::default().await;
    let mut raw = server.raw_client().await;
    let mut requests = vec![request("good-1", ARTICLE.as_bytes())];
    requests.extend(
        bad_inputs()
            .into_iter()
            .filter(|(id, ..)| *id != "over-limit")
            .map(|(id, content, _)| request(id, &content)),
    );
    requests.push(request("good-2", ARTICLE.as_bytes()));
    let ids: Vec<String> = requests.iter().map(|r| r.id.clone()).collect();
    let results = raw
        .analyze_batch(pb::AnalyzeBatchRequest { requests })
        .await
        .unwrap()
        .into_inner()
        .results;
    assert_eq!(results.len(), ids.len(), "one result per request");
    for (result, id) in results.iter().zip(&ids) {
        match result.result.as_ref().unwrap() {
            analyze_result::Result::Document(doc) => {
                assert!(id.starts_with("good"), "{id}");
                assert_eq!(&doc.id, id);
            }
            analyze_result::Result::Error(err) => {
                assert!(!id.starts_with("good"), "{id}: {err:?}");
                assert_eq!(&err.id, id);
                assert!(!err.kind.is_empty() && !err.message.is_empty());
            }
        }
    }
    server.shutdown().await;
}

#[tokio::test]
async fn health_reports_serving() {
    let server = Running::default().await;
    let mut health = HealthClient::new(server.channel().await);
    for service in ["", "summit.v1.Analyzer"] {
        let status = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .unwrap()
            .into_inner()
            .status;
        assert_eq!(status, ServingStatus::Serving as i32, "service {service:?}");
    }
    server.shutdown().await;
}

#[tokio::test]
async fn reflection_lists_the_analyzer() {
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

    let server = Running::default().await;
    let mut reflection = ServerReflectionClient::new(server.channel().await);
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut responses = reflection
        .server_reflection_info(tokio_stream::once(request))
        .await
        .unwrap()
        .into_inner();
    let response = responses.message().await.unwrap().unwrap();
    let Some(MessageResponse::ListServicesResponse(list)) = response.message_response else {
        panic!("unexpected reflection answer: {response:?}");
    };
    let names: Vec<_> = list.service.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"summit.v1.Analyzer"), "{names:?}");
    assert!(names.contains(&"grpc.health.v1.Health"), "{names:?}");
    server.shutdown().await;
}

#[tokio::test]
async fn messages_over_the_size_limit_are_refused_by_the_transport() {
    let server = Running::start(ServerConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        max_bytes: 1000,
        max_message_bytes: Some(4096),
        ..ServerConfig::default()
    })
    .await;
    let mut raw = server.raw_client().await;
    // Over the input limit but within the message limit: the core's refusal.
    let status = raw
        .analyze(request("big", &[b'a'; 2000]))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    // Over the message limit: refused before it reaches the core.
    let status = raw
        .analyze(request("huge", &[b'a'; 8000]))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::OutOfRange, "{status:?}");
    server.shutdown().await;
}

/// A server whose analyses panic on inputs holding `marker` (test-only fault injection).
async fn faulty(marker: &str) -> Running {
    Running::start(ServerConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        fault_marker: Some(marker.to_owned()),
        ..ServerConfig::default()
    })
    .await
}

#[tokio::test]
async fn a_panic_is_internal_for_that_call_and_the_server_goes_on() {
    let server = faulty("FAULT-91c2").await;
    let mut raw = server.raw_client().await;
    let status = raw
        .analyze(request("bad", b"Story\n\nIt holds FAULT-91c2 here."))
        .await
        .expect_err("the injected fault fails the call");
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.metadata().get(ERROR_KIND_KEY).unwrap(), "internal");
    assert!(
        !status.message().contains("FAULT") && !status.message().contains("panicked"),
        "{}",
        status.message()
    );
    // The accented acronym that once panicked, and an ordinary article, afterwards.
    let text = "Wien\n\nDie Österreichische Plattform für Alleinerziehende (ÖPA) hat den Aufruf unterstützt.";
    raw.analyze(request("opa", text.as_bytes())).await.unwrap();
    raw.analyze(request("good", ARTICLE.as_bytes()))
        .await
        .unwrap();
    // The thin client reads it back as the core's kind.
    let client = Client::connect(server.url()).await.unwrap();
    let err = client
        .clone()
        .analyze("bad", b"x FAULT-91c2 y".to_vec(), false, false)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), "internal");
    server.shutdown().await;
}

#[tokio::test]
async fn a_panic_in_a_batch_is_an_error_in_its_place() {
    let server = faulty("FAULT-91c2").await;
    let mut raw = server.raw_client().await;
    let requests: Vec<pb::AnalyzeRequest> = (0..200)
        .map(|i| {
            let body = if i % 50 == 7 {
                format!("Story {i}\n\nIt holds FAULT-91c2 here.")
            } else {
                format!("Story {i}\n\nThe delegates met on day {i}.")
            };
            request(&format!("doc-{i}"), body.as_bytes())
        })
        .collect();
    let results = raw
        .analyze_batch(pb::AnalyzeBatchRequest { requests })
        .await
        .unwrap()
        .into_inner()
        .results;
    assert_eq!(results.len(), 200);
    for (i, result) in results.iter().enumerate() {
        match result.result.as_ref().unwrap() {
            analyze_result::Result::Error(err) => {
                assert_eq!(i % 50, 7, "doc-{i} failed: {err:?}");
                assert_eq!(err.id, format!("doc-{i}"));
                assert_eq!(err.kind, "internal");
            }
            analyze_result::Result::Document(doc) => {
                assert_ne!(i % 50, 7, "the injected fault did not fire");
                assert_eq!(doc.id, format!("doc-{i}"));
            }
        }
    }
    server.shutdown().await;
}
