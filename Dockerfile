# thidua's image: one binary (serve, audit, export, key, …). SQLite needs
# cgo, so the build stage has gcc and the runtime is glibc-based.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags="-s -w" -o /out/thidua ./cmd/thidua

FROM debian:bookworm-slim
# curl for the compose health check; ca-certificates for NATS over TLS.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data thidua \
 && mkdir -p /data /keys && chown thidua:thidua /data /keys
COPY --from=build /out/thidua /usr/local/bin/thidua
USER thidua
# Named volumes mounted here start with this ownership.
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["thidua"]
CMD ["serve", "--data", "/data", "--http", "0.0.0.0:8080"]
