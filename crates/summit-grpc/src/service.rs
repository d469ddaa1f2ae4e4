//! The `summit.v1.Analyzer` service: requests in, the core's documents out.

use std::sync::Arc;

use rayon::prelude::*;
use summit_core::{Analyzer, Limits, Options, quotes};
use tonic::{Request, Response, Status};

use crate::convert;
use crate::error::status_from_core;
use crate::pb::{self, analyze_result};

/// The service. Analysis is CPU-bound, so every call runs on the blocking pool (a batch
/// fans out on rayon from there) and never on the async executor's threads.
#[derive(Debug, Clone)]
pub struct AnalyzerService {
    /// One analyzer per combination of the request's options, built once:
    /// `analyzers[lossy_utf8][attitudes]`. Each holds only options (the models are shared
    /// by the process), so four cost nothing.
    analyzers: Arc<[[Analyzer; 2]; 2]>,
}

impl AnalyzerService {
    pub fn new(limits: Limits) -> Self {
        AnalyzerService::with_fault_injection(limits, None)
    }

    /// Test-only: the service whose analyzers panic on inputs holding `fault_marker` (see
    /// `summit_core::Analyzer::with_fault_injection`).
    #[doc(hidden)]
    pub fn with_fault_injection(limits: Limits, fault_marker: Option<String>) -> Self {
        let analyzer = |lossy_utf8, attitudes| {
            Analyzer::new(Options { limits, lossy_utf8 })
                .with_quote_options(quotes::Options { attitudes })
                .with_fault_injection(fault_marker.clone())
        };
        AnalyzerService {
            analyzers: Arc::new(
                [false, true]
                    .map(|lossy| [false, true].map(|attitudes| analyzer(lossy, attitudes))),
            ),
        }
    }

    /// The analyzer for the request's options.
    fn analyzer(&self, request: &pb::AnalyzeRequest) -> &Analyzer {
        &self.analyzers[usize::from(request.lossy_utf8)][usize::from(request.attitudes)]
    }

    fn analyze_one(
        &self,
        request: &pb::AnalyzeRequest,
    ) -> Result<pb::Document, summit_core::Error> {
        self.analyzer(request)
            .analyze(&request.id, &request.content)
            .map(pb::Document::from)
    }
}

impl Default for AnalyzerService {
    fn default() -> Self {
        AnalyzerService::new(Limits::default())
    }
}

/// Runs `f` on the blocking pool. The core contains a panic to its document
/// (`Error::Internal`); one outside it (in conversion) still becomes INTERNAL here, with a
/// message that carries no panic text.
async fn off_executor<T, F>(f: F) -> Result<T, Status>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| Status::internal("the server failed unexpectedly on this call (a bug)"))
}

#[tonic::async_trait]
impl pb::analyzer_server::Analyzer for AnalyzerService {
    async fn analyze(
        &self,
        request: Request<pb::AnalyzeRequest>,
    ) -> Result<Response<pb::AnalyzeResponse>, Status> {
        let request = request.into_inner();
        let service = self.clone();
        let document = off_executor(move || service.analyze_one(&request))
            .await?
            .map_err(|e| status_from_core(&e))?;
        Ok(Response::new(pb::AnalyzeResponse {
            document: Some(document),
        }))
    }

    async fn analyze_batch(
        &self,
        request: Request<pb::AnalyzeBatchRequest>,
    ) -> Result<Response<pb::AnalyzeBatchResponse>, Status> {
        let requests = request.into_inner().requests;
        let service = self.clone();
        let results = off_executor(move || {
            requests
                .into_par_iter()
                .map(|request| {
                    let result = match service.analyze_one(&request) {
                        Ok(document) => analyze_result::Result::Document(document),
                        Err(e) => {
                            analyze_result::Result::Error(convert::analyze_error(request.id, &e))
                        }
                    };
                    pb::AnalyzeResult {
                        result: Some(result),
                    }
                })
                .collect()
        })
        .await?;
        Ok(Response::new(pb::AnalyzeBatchResponse { results }))
    }
}
