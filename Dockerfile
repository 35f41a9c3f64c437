# syntax=docker/dockerfile:1
# Build a static binary, then run it as a non-root user in a minimal image.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/entraide ./cmd/entraide \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/entraide /entraide
COPY --from=build --chown=nonroot:nonroot /out/data /data
ENV ENTRAIDE_ADDR=0.0.0.0:8080 \
    ENTRAIDE_DATA=/data \
    ENTRAIDE_ENV=production
USER nonroot:nonroot
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["/entraide", "healthcheck"]
ENTRYPOINT ["/entraide"]
CMD ["serve"]
