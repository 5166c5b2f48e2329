# outcomes in a container, for GitLab CI and any other CI that runs images.
#
#   docker build -t outcomes .
#   docker run --rm -v "$PWD:/ledger" -w /ledger outcomes outcomes check .
#
# The build stage makes the same self-contained binary as `make dist`; the image that
# comes out holds only that binary, its licences, and git (for `outcomes diff` and history)
# with curl and jq (for posting merge-request comments).
FROM swift:6.2-noble AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libcurl4-openssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make dist \
 && mkdir /out \
 && tar -xzf dist/outcomes-*.tar.gz -C /out --strip-components=1

FROM ubuntu:24.04
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git ca-certificates curl jq \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/outcomes /usr/local/bin/outcomes
COPY --from=build /out/licenses /usr/share/doc/outcomes/licenses
RUN outcomes --version
CMD ["outcomes", "--help"]
