//! A thin client for `summit.v1.Analyzer`, as `summit analyze --remote` uses it.

use summit_core::Document;
use tonic::transport::{Channel, Endpoint};

use crate::pb::analyzer_client::AnalyzerClient;
use crate::{Error, Result, pb};

/// The largest document the client accepts: the server's default message limit for its
/// default input limit, many times over.
pub const MAX_RESPONSE_BYTES: usize = 256 * 1024 * 1024;

/// A connected client. Cheap to clone: clones share one HTTP/2 connection.
#[derive(Clone, Debug)]
pub struct Client {
    inner: AnalyzerClient<Channel>,
}

impl Client {
    /// Connects to `url` (`http://host:port`). Requests are bounded by the server's limits
    /// only; responses by [`MAX_RESPONSE_BYTES`].
    pub async fn connect(url: impl Into<String>) -> Result<Self> {
        let channel = Endpoint::from_shared(url.into())?.connect().await?;
        let inner = AnalyzerClient::new(channel).max_decoding_message_size(MAX_RESPONSE_BYTES);
        Ok(Client { inner })
    }

    /// Analyses one input on the server, with invalid UTF-8 replaced when `lossy_utf8` and
    /// attitudes reported as quotes when `attitudes`. A refused input comes back as
    /// [`Error::Rejected`] with the core's kind and message.
    pub async fn analyze(
        &mut self,
        id: &str,
        content: Vec<u8>,
        lossy_utf8: bool,
        attitudes: bool,
    ) -> Result<Document> {
        let response = self
            .inner
            .analyze(pb::AnalyzeRequest {
                id: id.to_owned(),
                content,
                lossy_utf8,
                attitudes,
            })
            .await?
            .into_inner();
        response
            .document
            .ok_or(Error::MissingField { field: "document" })?
            .try_into()
    }
}
