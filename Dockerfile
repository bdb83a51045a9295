# bangyang: a static binary on an empty base image.
#
#   docker build -t bangyang .
#   docker run -d --name bangyang -e TELEGRAM_BOT_TOKEN=… -v bangyang-data:/data bangyang
#
# Stage 1 builds with the Go toolchain; stage 2 holds only the binary, CA
# certificates (for api.telegram.org and a model server over HTTPS), a
# passwd entry for the non-root user and the /data volume. .ci/run builds
# stage 2 from this file with buildah (it pulls no base image).

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/rootfs/bangyang ./cmd/bangyang \
 && mkdir -p /out/rootfs/etc/ssl/certs /out/rootfs/tmp /out/data \
 && cp /etc/ssl/certs/ca-certificates.crt /out/rootfs/etc/ssl/certs/ \
 && echo 'bangyang:x:10001:10001:bangyang:/data:/bangyang' > /out/rootfs/etc/passwd \
 && echo 'bangyang:x:10001:' > /out/rootfs/etc/group \
 && chmod 1777 /out/rootfs/tmp

FROM scratch
COPY --from=build /out/rootfs/ /
COPY --from=build --chown=10001:10001 /out/data/ /data/
USER 10001:10001
ENV HOME=/data \
    BANGYANG_DATA_DIR=/data \
    BANGYANG_METRICS_LISTEN=:9090
VOLUME /data
EXPOSE 9090
# The index is built on first start: give it time before counting failures.
HEALTHCHECK --interval=30s --timeout=5s --start-period=3m --retries=3 CMD ["/bangyang", "healthcheck"]
ENTRYPOINT ["/bangyang"]
CMD ["serve"]
