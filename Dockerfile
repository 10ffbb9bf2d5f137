# One image recipe for the three services: docker build --build-arg MODULE=platform-api .
# Multi-stage: a JDK with the Maven wrapper builds the jar; a JRE runs it as a non-root user.

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl "${MODULE}" -am package -DskipTests \
 && find "${MODULE}/target" -maxdepth 1 -name "${MODULE}-*.jar" ! -name '*-lib.jar' \
      -exec cp {} /src/app.jar \; \
 && java -Djarmode=tools -jar /src/app.jar extract --layers --launcher --destination /src/extracted

FROM eclipse-temurin:17-jre
ARG MODULE
ARG PORT=8080
RUN groupadd --system app && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
COPY --chmod=0755 local/healthcheck.sh /usr/local/bin/healthcheck
USER app
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
# bash's /dev/tcp needs no curl or wget in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["healthcheck"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
