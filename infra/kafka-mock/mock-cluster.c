/*
 * A Kafka-protocol broker for tests: librdkafka's mock cluster (a real broker over TCP, in memory), with the
 * topics created up front because the mock does not support CreateTopics. Brokers can be taken down and up
 * again inside the same process, so that a test can simulate an outage while the partitions' data survives.
 *
 *   mock-cluster <brokers> [topic[:partitions]]...
 *
 * stdout: "BOOTSTRAP <host:port,...>" then "READY"; then one "OK <command>" or "ERR <why>" per command.
 * stdin, one command a line:  down <broker id|-1>   up <broker id|-1>   rtt <broker id|-1> <ms>   quit
 * End of stdin (the parent died or closed the pipe) stops the cluster, so a crashed test leaves nothing behind.
 * Built by infra/ensure-kafka-mock.sh; started by libs/messaging/src/testing/mock-kafka.ts.
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int broker_count;

static void answer(const char *command, rd_kafka_resp_err_t err) {
  if (err) printf("ERR %s: %s\n", command, rd_kafka_err2str(err));
  else printf("OK %s\n", command);
  fflush(stdout);
}

/* -1 means every broker; the mock's broker ids run from 1 to N. */
static int parse_broker(const char *text, int *id) {
  char *end;
  long value = strtol(text, &end, 10);
  if (end == text || (*end && *end != '\n')) return 0;
  if (value != -1 && (value < 1 || value > broker_count)) return 0;
  *id = (int)value;
  return 1;
}

static rd_kafka_resp_err_t each_broker(rd_kafka_mock_cluster_t *mcluster, int id,
                                       rd_kafka_resp_err_t (*apply)(rd_kafka_mock_cluster_t *, int32_t)) {
  /* Applied one broker at a time: "all brokers" as -1 is not handled alike by every librdkafka version. */
  int first = id == -1 ? 1 : id, last = id == -1 ? broker_count : id;
  for (int b = first; b <= last; b++) {
    rd_kafka_resp_err_t err = apply(mcluster, b);
    if (err) return err;
  }
  return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t set_rtt(rd_kafka_mock_cluster_t *mcluster, int id, int ms) {
  int first = id == -1 ? 1 : id, last = id == -1 ? broker_count : id;
  for (int b = first; b <= last; b++) {
    rd_kafka_resp_err_t err = rd_kafka_mock_broker_set_rtt(mcluster, b, ms);
    if (err) return err;
  }
  return RD_KAFKA_RESP_ERR_NO_ERROR;
}

int main(int argc, char **argv) {
  char errstr[512];
  if (argc < 2 || (broker_count = atoi(argv[1])) < 1) {
    fprintf(stderr, "usage: %s <brokers> [topic[:partitions]]...\n", argv[0]);
    return 2;
  }

  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  /* The handle only owns the cluster's threads; keep its own logging quiet. */
  rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  if (!rk) {
    fprintf(stderr, "mock-cluster: %s\n", errstr);
    return 1;
  }
  rd_kafka_mock_cluster_t *mcluster = rd_kafka_mock_cluster_new(rk, broker_count);
  if (!mcluster) {
    fprintf(stderr, "mock-cluster: could not start %d brokers\n", broker_count);
    return 1;
  }

  for (int i = 2; i < argc; i++) {
    char topic[256];
    int partitions = 1;
    snprintf(topic, sizeof topic, "%s", argv[i]);
    char *colon = strchr(topic, ':');
    if (colon) {
      *colon = '\0';
      partitions = atoi(colon + 1);
    }
    int replication = broker_count < 3 ? broker_count : 3;
    rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mcluster, topic, partitions < 1 ? 1 : partitions, replication);
    if (err) {
      fprintf(stderr, "mock-cluster: topic %s: %s\n", topic, rd_kafka_err2str(err));
      return 1;
    }
  }

  printf("BOOTSTRAP %s\nREADY\n", rd_kafka_mock_cluster_bootstraps(mcluster));
  fflush(stdout);

  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\r\n")] = '\0';
    char verb[16] = "", arg1[32] = "", arg2[32] = "";
    sscanf(line, "%15s %31s %31s", verb, arg1, arg2);
    int id;
    if (strcmp(verb, "quit") == 0) break;
    if (verb[0] == '\0') continue;
    if (!parse_broker(arg1, &id)) {
      printf("ERR %s: broker id must be -1 (all) or 1..%d\n", line, broker_count);
      fflush(stdout);
    } else if (strcmp(verb, "down") == 0) {
      answer(line, each_broker(mcluster, id, rd_kafka_mock_broker_set_down));
    } else if (strcmp(verb, "up") == 0) {
      answer(line, each_broker(mcluster, id, rd_kafka_mock_broker_set_up));
    } else if (strcmp(verb, "rtt") == 0 && arg2[0]) {
      answer(line, set_rtt(mcluster, id, atoi(arg2)));
    } else {
      printf("ERR %s: commands are down <id>, up <id>, rtt <id> <ms>, quit\n", line);
      fflush(stdout);
    }
  }

  rd_kafka_mock_cluster_destroy(mcluster);
  rd_kafka_destroy(rk);
  return 0;
}
